using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Turns;
using Microsoft.Extensions.Logging;

namespace GridBot.Dialogs.Pipeline;

/// <summary>
/// A bug in one turn costs that turn only: its changes are dropped, the person's dialog state is cleared so
/// a bad state cannot loop, they get a short apology, and the activity is not marked handled so a resend is tried again.
/// </summary>
public sealed partial class ErrorBoundaryMiddleware(GridBotDbContext db, TurnTransaction turn, ILogger<ErrorBoundaryMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        try
        {
            await next(cancellationToken);
        }
        // A database that cannot write (full, read-only, locked) is not this turn's bug: apologising would answer the
        // channel 200 and lose the message, so it goes up to the channel, which answers 503 and is retried.
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && StoreErrors.StorageUnavailableReason(ex) is null)
        {
            LogTurnFailed(logger, ex, context.Activity.ChannelId, context.Activity.Conversation?.Id, context.Activity.Id);
            // The ticket number taken in this turn goes back with everything else.
            await turn.RollbackAsync();

            // Staged like any change: the turn's owner commits the cleared state (and no processed mark).
            if (await db.DialogStates.FindAsync([context.DialogKey], cancellationToken) is { } state)
            {
                db.DialogStates.Remove(state);
            }

            context.Failed = true;
            context.ReplaceReplies([]);
            context.Reply(PipelineTexts.Apology);
        }
    }

    // Only ids: the message text may hold a resident's phone number.
    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed on {Channel} conversation {ConversationId} activity {ActivityId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? channel, string? conversationId, string? activityId);
}
