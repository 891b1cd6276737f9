using System.Diagnostics;
using GridBot.Dialogs.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Dialogs.Core;

/// <summary>
/// The one way in for every channel: an authenticated, parsed Activity goes through the turn pipeline in its
/// own scope (one DbContext, one transaction) and the turn's replies come back for the channel to deliver.
/// </summary>
public sealed class BotAdapter(IServiceScopeFactory scopes, GridBotTelemetry telemetry)
{
    /// <param name="repliesInResponse">
    /// True when the channel returns the replies itself (expectReplies, a passive reply); false to deliver them
    /// through the outbox, committed with the turn.
    /// </param>
    public Task<TurnResult> ProcessAsync(Activity activity, bool repliesInResponse, CancellationToken cancellationToken) =>
        ProcessAsync(activity, repliesInResponse ? TurnDelivery.ReturnedInResponse() : TurnDelivery.ByOutbox(), cancellationToken);

    /// <param name="delivery">How the replies leave; a channel with a reply budget keeps it to call <see cref="TurnDelivery.StopWaiting"/>.</param>
    public async Task<TurnResult> ProcessAsync(Activity activity, TurnDelivery delivery, CancellationToken cancellationToken)
    {
        var channel = new KeyValuePair<string, object?>("channel", activity.ChannelId);
        telemetry.MessagesIn.Add(1, channel, new KeyValuePair<string, object?>("type", activity.Type));
        using var span = GridBotTelemetry.Source.StartActivity("turn");
        span?.SetTag("gridbot.channel", activity.ChannelId);
        span?.SetTag("gridbot.activity.type", activity.Type);
        var started = Stopwatch.GetTimestamp();

        await using var scope = scopes.CreateAsyncScope();
        var context = new TurnContext(activity, delivery);
        await scope.ServiceProvider.GetRequiredService<TurnPipeline>().RunAsync(context, cancellationToken);

        span?.SetTag("gridbot.duplicate", context.IsDuplicate);
        span?.SetTag("gridbot.replies", context.Replies.Count);
        telemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, channel);
        return new TurnResult(context.Replies, context.IsDuplicate);
    }
}
