using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Store.Conversations;

namespace GridBot.Dialogs.Pipeline;

/// <summary>
/// An activity id seen before is answered with the replies it got the first time and changes nothing:
/// a channel's retry never makes a second ticket. Here only the cache is asked (the common retry, no round trip); an id
/// handled before that the cache does not know (a restart, another host without Redis) runs its turn, whose commit then
/// meets the processed mark's primary key and is answered with the stored replies instead (TurnTransactionMiddleware).
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

        var replies = await dedup.CachedRepliesAsync(context.DedupKey, cancellationToken);
        if (replies is null)
        {
            await next(cancellationToken);
            return;
        }

        AnswerAsDuplicate(context, replies);
    }

    /// <summary>The turn is a retry: it answers what the activity got the first time (JSON of its replies) and stages nothing.</summary>
    public static void AnswerAsDuplicate(TurnContext context, string replies)
    {
        context.IsDuplicate = true;
        context.ReplaceReplies(JsonSerializer.Deserialize(replies, ActivityJson.Default.ListActivity) ?? []);
    }
}
