using GridBot.Host.Channels.BotFramework;
using GridBot.Host.Configuration;
using GridBot.Dialogs.Telemetry;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Outbox;

/// <summary>
/// The one way out: sends due outbox rows through their channel's sender, retries with exponential backoff and
/// marks permanent failures with the reason. Rows are claimed by <see cref="OutboxClaims"/> (a lease, so several hosts
/// share the work and never send a row at once) whenever half of <see cref="OutboxOptions.Parallelism"/> send slots
/// are free, and sent in parallel across conversations, each conversation's rows in order; each send records its own
/// row as soon as its answer comes. A crash after the channel accepted a message and before the row is marked can send
/// it twice (after the lease); nothing is ever lost.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IChannelSender> senders,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    GridBotTelemetry telemetry,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>
    /// Added to the limiter's "free in": the channel counts a send when it arrives, a little after our permit was
    /// taken, so a send at the exact end of our window can still land inside the channel's.
    /// </summary>
    private static readonly TimeSpan NotYetMargin = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Sends in flight, each recording its own row when its answer comes. No batch waits for its slowest send: a
        // 500 retried after a second holds one slot, not the rows claimed beside it (with a batch barrier, every batch
        // of a 2,009-group announcement waited for its one retried 500, which made the fan-out ~30 s).
        var running = new List<Task>();
        // Claim again once half the slots are free: one claim per few dozen sends, not one per send.
        var refillAt = Math.Max(1, settings.Parallelism / 2);
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            var free = settings.Parallelism - running.Count;
            var claimed = 0;
            if (free >= refillAt || running.Count == 0)
            {
                try
                {
                    foreach (var message in await ClaimAsync(settings, Math.Min(free, settings.BatchSize), stoppingToken))
                    {
                        running.Add(SendAndRecordAsync(message, settings, stoppingToken));
                        claimed++;
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogDispatchFailed(logger, ex);
                }
            }

            if (claimed > 0 && running.Count < settings.Parallelism)
            {
                // More may be due right now (a claim holds one row per conversation and at most the free slots).
                continue;
            }

            // Full, or nothing due: wait for a send to finish (it frees a slot and may make its conversation's next
            // row the head) or for the poll interval, whichever comes first.
            var poll = Task.Delay(settings.PollInterval, time, stoppingToken);
            await Task.WhenAny([.. running, poll]);
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(OutboxOptions settings, int count, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxMessage> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            claimed = await OutboxClaims.ClaimAsync(db, time.GetUtcNow().UtcDateTime, count, settings.ClaimLease, cancellationToken);
        }

        if (claimed.Count > 0)
        {
            LogClaimed(logger, claimed.Count);
        }

        return claimed;
    }

    /// <remarks>
    /// A claim holds at most one row per conversation and a conversation's next row is claimable only once this one is
    /// recorded, so sending rows in parallel never reorders a conversation.
    /// </remarks>
    private async Task SendAndRecordAsync(OutboxMessage message, OutboxOptions settings, CancellationToken cancellationToken)
    {
        // Off the claiming loop at once: the loop goes on claiming while this send waits for its channel.
        await Task.Yield();
        try
        {
            var outcome = await SendAsync(message, cancellationToken);
            await RecordAsync(message, outcome, settings, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not recorded: the row stays claimed until its lease runs out and is sent again then.
            LogDispatchFailed(logger, ex);
        }
    }

    private async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // Bot Framework clients name their own channel ("emulator", "directline", "msteams", ...): a channel with no
        // sender of its own is a Bot Framework one, sent through its stored conversation reference.
        if (!_senders.TryGetValue(message.Channel, out var sender) && !_senders.TryGetValue(BotFrameworkSender.ChannelName, out sender))
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
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A bug in one sender must not stall the rows sent beside it: this row backs off and the rest go on.
            LogSendFailed(logger, message.Id, ex);
            return new SendOutcome.Transient("error: " + ex.GetType().Name);
        }
    }

    private void Count(string channel, SendOutcome outcome)
    {
        if (outcome is SendOutcome.NotYet)
        {
            telemetry.RateLimitWaits.Add(1, new KeyValuePair<string, object?>("channel", channel));
            return;
        }

        var name = outcome switch
        {
            SendOutcome.Delivered => "delivered",
            SendOutcome.Transient => "transient",
            _ => "permanent",
        };
        telemetry.Sends.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", name));
    }

    private async Task RecordAsync(OutboxMessage message, SendOutcome outcome, OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        // Only under our own claim: if the lease ran out and another host took the row, its result is the one that counts.
        var query = db.Outbox.Where(o => o.Id == message.Id && o.LeaseId == message.LeaseId);
        Count(message.Channel, outcome);
        var recorded = outcome switch
        {
            // The channel has it: recorded whoever holds the row now, so it is not sent again.
            SendOutcome.Delivered => await db.Outbox.Where(o => o.Id == message.Id).MarkSentAsync(now, cancellationToken),
            SendOutcome.NotYet { RetryAfter: var wait } => await query.PostponeAsync(now + wait + NotYetMargin, cancellationToken),
            SendOutcome.Transient { Reason: var reason } when attempts < settings.MaxAttempts =>
                await query.RetryAsync(now + TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, attempts))), reason, cancellationToken),
            SendOutcome.Transient { Reason: var reason } => await FailAsync(query, attempts, "gave up: " + reason, cancellationToken),
            SendOutcome.Permanent { Reason: var reason } => await FailAsync(query, attempts, reason, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown send outcome {outcome.GetType().Name}."),
        };

        if (recorded == 0)
        {
            LogLeaseLost(logger, message.Id);
        }
    }

    private async Task<int> FailAsync(IQueryable<OutboxMessage> query, int attempts, string reason, CancellationToken cancellationToken)
    {
        var marked = await query.FailAsync(reason, cancellationToken);
        LogGaveUp(logger, attempts, reason);
        return marked;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch loop failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message failed permanently after {Attempts} attempt(s): {Reason}")]
    private static partial void LogGaveUp(ILogger logger, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id}: its sender failed")]
    private static partial void LogSendFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox claimed {Count} row(s)")]
    private static partial void LogClaimed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: its lease ran out before the result was recorded (raise Outbox:ClaimLease)")]
    private static partial void LogLeaseLost(ILogger logger, long id);
}
