using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Coordination;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Pipeline;

/// <summary>
/// An activity id seen before is answered with the replies it got the first time and changes nothing:
/// a channel's retry never makes a second ticket.
/// </summary>
public sealed class DedupMiddleware(GridBotDbContext db, IProcessedActivityCache cache) : IMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(context.Activity.Id))
        {
            await next(cancellationToken);
            return;
        }

        var key = context.DedupKey;
        var replies = await cache.GetRepliesAsync(key, cancellationToken)
            ?? await db.ProcessedActivities.AsNoTracking()
                .Where(p => p.Key == key)
                .Select(p => p.RepliesJson)
                .FirstOrDefaultAsync(cancellationToken);
        if (replies is null)
        {
            await next(cancellationToken);
            return;
        }

        context.IsDuplicate = true;
        context.ReplaceReplies(JsonSerializer.Deserialize(replies, ActivityJson.Default.ListActivity) ?? []);
    }
}
