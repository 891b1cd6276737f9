using GridBot.Host.Channels.BotFramework;
using GridBot.Host.Configuration;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Outbox;

/// <summary>
/// The one way out: sends due outbox rows through their channel's sender, retries with exponential backoff and
/// marks permanent failures with the reason. A row is claimed by moving its due time forward with a conditional
/// update, so two hosts never send the same row at once. A crash after the channel accepted a message and before
/// the row is marked can send it twice; nothing is ever lost.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IChannelSender> senders,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await DispatchDueAsync(settings, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDispatchFailed(logger, ex);
                handled = 0;
            }

            if (handled == 0)
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>How many rows were handled; 0 means nothing was due.</returns>
    public async Task<int> DispatchDueAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptUtc <= now)
            .OrderBy(o => o.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
        foreach (var message in due)
        {
            var claimedUntil = now + ClaimLease;
            var previous = message.NextAttemptUtc;
            var claimed = await db.Outbox
                .Where(o => o.Id == message.Id && o.Status == OutboxStatus.Pending && o.NextAttemptUtc == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptUtc, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var outcome = await SendAsync(message, cancellationToken);
            await RecordAsync(db, message.Id, message.Attempts + 1, outcome, settings, cancellationToken);
        }

        return due.Count;
    }

    private async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // Bot Framework clients name their own channel ("emulator", "directline", ...): anything with a
        // serviceUrl and no sender of its own is answered the Bot Framework way.
        if (!_senders.TryGetValue(message.Channel, out var sender) &&
            (message.ServiceUrl is null || !_senders.TryGetValue(BotFrameworkSender.ChannelName, out sender)))
        {
            return new SendOutcome.Permanent($"no sender for channel '{message.Channel}'");
        }

        try
        {
            return await sender.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return new SendOutcome.Transient(ex.Message);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome.Transient("timeout: " + ex.Message);
        }
    }

    private async Task RecordAsync(GridBotDbContext db, long id, int attempts, SendOutcome outcome, OutboxOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Outbox.Where(o => o.Id == id);
        switch (outcome)
        {
            case SendOutcome.Delivered:
                await query.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.SentUtc, now)
                    .SetProperty(o => o.Attempts, attempts).SetProperty(o => o.LastError, (string?)null), cancellationToken);
                break;
            case SendOutcome.Transient { Reason: var reason } when attempts < settings.MaxAttempts:
                var next = now + TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, attempts)));
                await query.ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptUtc, next)
                    .SetProperty(o => o.Attempts, attempts).SetProperty(o => o.LastError, Trim(reason)), cancellationToken);
                break;
            case SendOutcome.Transient { Reason: var reason }:
                await MarkFailedAsync(query, attempts, "gave up: " + reason, cancellationToken);
                break;
            case SendOutcome.Permanent { Reason: var reason }:
                await MarkFailedAsync(query, attempts, reason, cancellationToken);
                break;
        }
    }

    private async Task MarkFailedAsync(IQueryable<OutboxMessage> query, int attempts, string reason, CancellationToken cancellationToken)
    {
        await query.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Failed)
            .SetProperty(o => o.Attempts, attempts).SetProperty(o => o.LastError, Trim(reason)), cancellationToken);
        LogGaveUp(logger, attempts, reason);
    }

    private static string Trim(string reason) => reason.Length > 500 ? reason[..500] : reason;

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch loop failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message failed permanently after {Attempts} attempt(s): {Reason}")]
    private static partial void LogGaveUp(ILogger logger, int attempts, string reason);
}
