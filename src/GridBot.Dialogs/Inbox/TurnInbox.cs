using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Dialogs.Inbox;

/// <summary>
/// Messages acknowledged before their turn committed. A channel that stops waiting for a turn (a passive reply out of
/// budget) records the message here, in its own small transaction, before its acknowledgement goes out; the turn's
/// commit removes the row (<see cref="StageDoneAsync"/>), and <see cref="TurnInboxReplayer"/> runs any row left behind
/// by a crash or a refused write again.
/// </summary>
public sealed class TurnInbox(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>A message whose turn failed this many times is left in the table for a person (logged), not replayed forever.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Records the message; a second record of the same message (a channel retry) is the same row.</summary>
    /// <exception cref="DbUpdateException">The database cannot take the write: the channel must not acknowledge (503).</exception>
    public async Task AcceptAsync(Activity activity, LateReplyRoute? route, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        db.TurnInbox.Add(new TurnInboxEntry
        {
            Key = Store.Conversations.ActivityDedup.Key(activity.ChannelId, activity.Id),
            ActivityJson = JsonSerializer.Serialize(activity, ActivityJson.Default.Activity),
            LateChannel = route?.Channel,
            LateConversationId = route?.ConversationId,
            LateServiceUrl = route?.ServiceUrl,
            AcceptedUtc = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // Already recorded by an earlier delivery of the same message.
        }
    }

    /// <summary>Stages the removal of the message's row in the turn's commit (nothing when there is none).</summary>
    public static async Task StageDoneAsync(GridBotDbContext db, string key, CancellationToken cancellationToken)
    {
        if (await db.TurnInbox.FindAsync([key], cancellationToken) is { } entry)
        {
            db.TurnInbox.Remove(entry);
        }
    }
}
