using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Store.Conversations;

namespace GridBot.Dialogs.Pipeline;

/// <summary>
/// An activity id seen before is answered with the replies it got the first time and changes nothing:
/// a channel's retry never makes a second ticket.
/// </summary>
public sealed class DedupMiddleware(ActivityDedup dedup) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(context.Activity.Id))
        {
            await next(cancellationToken);
            return;
        }

        var replies = await dedup.FindRepliesAsync(context.DedupKey, cancellationToken);
        if (replies is null)
        {
            await next(cancellationToken);
            return;
        }

        context.IsDuplicate = true;
        context.ReplaceReplies(JsonSerializer.Deserialize(replies, ActivityJson.Default.ListActivity) ?? []);
    }
}
