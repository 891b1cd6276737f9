using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridBot.Dialogs.Inbox;

/// <summary>
/// Runs again every inbox message whose turn never committed: at start-up everything the previous process left, then
/// every <see cref="Interval"/> whatever has waited longer than <see cref="Grace"/> (a turn that hit a refused write).
/// A replay is an ordinary turn with the same activity id: if the first one did commit after all, dedup answers it and
/// only the row goes; otherwise it happens once and its answer leaves by the message's late route through the outbox.
/// </summary>
public sealed partial class TurnInboxReplayer(IServiceScopeFactory scopes, BotAdapter adapter, TimeProvider time, ILogger<TurnInboxReplayer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Far longer than any turn: a live turn still running is never replayed beside itself (the lock and dedup would make that harmless anyway).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var acceptedBefore = time.GetUtcNow().UtcDateTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReplayAsync(acceptedBefore, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be refusing writes; the rows stay and the next round tries again.
                LogRoundFailed(logger, ex);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            acceptedBefore = time.GetUtcNow().UtcDateTime - Grace;
        }
    }

    /// <returns>How many messages were run again.</returns>
    public async Task<int> ReplayAsync(DateTime acceptedBeforeUtc, CancellationToken cancellationToken)
    {
        var replayed = 0;
        while (true)
        {
            List<Store.Turns.TurnInboxEntry> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
                due = await db.TurnInbox.AsNoTracking()
                    .Where(e => e.AcceptedUtc <= acceptedBeforeUtc && e.Attempts < TurnInbox.MaxAttempts)
                    .OrderBy(e => e.AcceptedUtc).Take(BatchSize).ToListAsync(cancellationToken);
                if (due.Count == 0)
                {
                    return replayed;
                }

                // Counted before the run: a message that crashes the host each time still reaches the limit.
                var keys = due.Select(e => e.Key).ToList();
                await db.TurnInbox.Where(e => keys.Contains(e.Key)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken);
            }

            foreach (var entry in due)
            {
                if (entry.Attempts + 1 >= TurnInbox.MaxAttempts)
                {
                    LogGivingUp(logger, entry.Key, entry.Attempts + 1);
                }

                var activity = JsonSerializer.Deserialize(entry.ActivityJson, ActivityJson.Default.Activity);
                if (activity is null)
                {
                    continue;
                }

                var route = entry is { LateChannel: { } channel, LateConversationId: { } conversation } ? new LateReplyRoute(channel, conversation, entry.LateServiceUrl) : null;
                try
                {
                    await adapter.ProcessAsync(activity, TurnDelivery.Late(route), cancellationToken);
                    replayed++;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    LogReplayFailed(logger, ex, activity.ChannelId, activity.Id);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox replay round failed; the messages stay and are tried again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox replay of {Channel} activity {ActivityId} failed; it stays in the inbox")]
    private static partial void LogReplayFailed(ILogger logger, Exception exception, string? channel, string? activityId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox message {Key} replayed {Attempts} times without success: left in TurnInbox for a person")]
    private static partial void LogGivingUp(ILogger logger, string key, int attempts);
}
