using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Inbox;
using GridBot.Store;
using GridBot.Store.Conversations;
using GridBot.Store.Outbox;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Pipeline;

/// <summary>
/// The turn's unit of work, around everything after the lock: <see cref="TurnTransaction"/> opens it, the turn
/// stages its changes, and here the replies that leave by outbox and the processed-activity mark are staged too and
/// all of it is committed in one SaveChanges (where the ticket numbers are taken): a turn happens completely or not at
/// all, and the replies in the response get their numbers after it. An exception rolls it back. A
/// commit that meets the activity's processed mark (a retry the dedup cache did not know) is rolled back and answered
/// with the stored replies.
/// </summary>
public sealed class TurnTransactionMiddleware(TurnTransaction turn, ActivityDedup dedup, GridBotDbContext db, TimeProvider time) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        await turn.BeginAsync(cancellationToken);
        try
        {
            await next(cancellationToken);
            var inResponse = context.Delivery.SettleInResponse();
            // The dedup step asked only the cache. A failed turn stages no processed mark to meet, so a retry of an id
            // handled before that failed this time asks the database here (failures are rare) and keeps its first answer
            // and its dialog state instead of the apology and the cleared state.
            if (context.Failed && await StoredRepliesAsync(context, cancellationToken) is { } first)
            {
                await turn.RollbackAsync();
                DedupMiddleware.AnswerAsDuplicate(context, first);
            }

            try
            {
                await CommitAsync(context, inResponse, cancellationToken);
            }
            catch (DbUpdateException ex) when (!context.IsDuplicate && StoreErrors.IsUniqueViolation(ex))
            {
                // An id handled before that the cache did not know meets its processed mark here. Nothing of this run
                // stays (no second ticket); the retry gets the answer stored the first time.
                await turn.RollbackAsync();
                if (await StoredRepliesAsync(context, cancellationToken) is not { } stored)
                {
                    throw;
                }

                DedupMiddleware.AnswerAsDuplicate(context, stored);
                await CommitAsync(context, inResponse, cancellationToken);
            }
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }

    private async Task<string?> StoredRepliesAsync(TurnContext context, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(context.Activity.Id) ? null : await dedup.StoredRepliesAsync(context.DedupKey, cancellationToken);

    private async Task CommitAsync(TurnContext context, bool inResponse, CancellationToken cancellationToken)
    {
        if (!inResponse && context.Delivery.UsesLateRoute)
        {
            // Acknowledged before this commit: its inbox row (if the channel wrote one) goes with the turn.
            await TurnInbox.StageDoneAsync(db, context.DedupKey, cancellationToken);
        }

        if (!context.IsDuplicate)
        {
            Stage(context, inResponse);
        }

        await turn.CommitAsync(cancellationToken);
        // What leaves in the response was built with the ticket numbers' placeholders; the commit has taken the numbers.
        foreach (var reply in context.Replies)
        {
            if (reply.Text is { } text)
            {
                reply.Text = turn.Resolve(text);
            }
        }
    }

    private void Stage(TurnContext context, bool inResponse)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var activity = context.Activity;
        if (!inResponse && context.Delivery.UsesLateRoute)
        {
            // The channel stopped waiting: the answer is one message through its late route (none: it stays in the record).
            var text = string.Join("\n\n", context.Replies.Select(r => r.Text).Where(t => !string.IsNullOrEmpty(t)));
            if (text.Length > 0 && context.Delivery.LateRoute is { } late)
            {
                db.Outbox.Enqueue(late.Channel, late.ConversationId, text, now, serviceUrl: late.ServiceUrl, replyToId: activity.Id);
            }
        }
        else if (!inResponse)
        {
            // Replies that go back by callback are outbox rows: they survive a crash between commit and send.
            foreach (var reply in context.Replies)
            {
                db.Outbox.Enqueue(activity.ChannelId ?? "", activity.Conversation?.Id ?? "", reply.Text ?? "", now, serviceUrl: activity.ServiceUrl, replyToId: activity.Id,
                    mentions: reply.Entities?.Where(e => e.Type == "mention").Select(e => e.Mentioned?.Id ?? ""));
            }
        }

        if (!context.Failed && !string.IsNullOrEmpty(activity.Id))
        {
            dedup.Mark(turn, context.DedupKey, JsonSerializer.Serialize(context.Replies.ToList(), ActivityJson.Default.ListActivity), now);
        }
    }
}
