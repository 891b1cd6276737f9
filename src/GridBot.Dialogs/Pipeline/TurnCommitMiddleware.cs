using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Conversations;
using GridBot.Store.Coordination;
using GridBot.Store.Outbox;

namespace GridBot.Dialogs.Pipeline;

/// <summary>
/// Everything a turn changed — tickets, events, dialog state, outbox rows, the processed-activity mark — is
/// saved in one SaveChanges, i.e. one transaction: a turn happens completely or not at all.
/// </summary>
public sealed class TurnCommitMiddleware(GridBotDbContext db, IProcessedActivityCache cache, TimeProvider time, TurnDelivery delivery) : IMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        await next(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        if (!delivery.RepliesInResponse)
        {
            // Replies that go back by callback are outbox rows: they survive a crash between commit and send.
            foreach (var reply in context.Replies)
            {
                db.Outbox.Add(new OutboxMessage
                {
                    Channel = context.Activity.ChannelId ?? "",
                    ConversationId = context.Activity.Conversation?.Id ?? "",
                    ServiceUrl = context.Activity.ServiceUrl,
                    ReplyToId = context.Activity.Id,
                    Text = reply.Text ?? "",
                    Mentions = OutboxMentions.Join(reply.Entities?.Where(e => e.Type == "mention").Select(e => e.Mentioned?.Id ?? "")),
                    CreatedUtc = now,
                    NextAttemptUtc = now,
                });
            }
        }

        string? repliesJson = null;
        if (!context.Failed && !string.IsNullOrEmpty(context.Activity.Id))
        {
            repliesJson = JsonSerializer.Serialize(context.Replies.ToList(), ActivityJson.Default.ListActivity);
            db.ProcessedActivities.Add(new ProcessedActivity { Key = context.DedupKey, ProcessedUtc = now, RepliesJson = repliesJson });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        if (repliesJson is not null)
        {
            await cache.SetRepliesAsync(context.DedupKey, repliesJson, cancellationToken);
        }
    }
}
