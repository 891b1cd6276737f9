using GridBot.Dialogs.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Dialogs.Core;

/// <summary>
/// The one way in for every channel: an authenticated, parsed Activity goes through the turn pipeline in its
/// own scope (one DbContext, one transaction) and the turn's replies come back for the channel to deliver.
/// </summary>
public sealed class BotAdapter(IServiceScopeFactory scopes)
{
    /// <param name="repliesInResponse">
    /// True when the channel returns the replies itself (expectReplies, a passive reply); false to deliver them
    /// through the outbox, committed with the turn.
    /// </param>
    public async Task<TurnResult> ProcessAsync(Activity activity, bool repliesInResponse, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TurnDelivery>().RepliesInResponse = repliesInResponse;
        var context = new TurnContext(activity);
        await scope.ServiceProvider.GetRequiredService<TurnPipeline>().RunAsync(context, cancellationToken);
        return new TurnResult(context.Replies, context.IsDuplicate);
    }
}
