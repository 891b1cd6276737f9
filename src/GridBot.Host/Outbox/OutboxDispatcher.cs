using GridBot.Host.Channels.BotFramework;
using GridBot.Host.Configuration;
using GridBot.Store;
using GridBot.Store.Outbox;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Outbox;

/// <summary>
/// The one way out: sends due outbox rows through their channel's sender, retries with exponential backoff and
/// marks permanent failures with the reason. Rows are claimed by <see cref="OutboxClaims"/> (a lease, so several hosts
/// share the work and never send a row at once) whenever half of <see cref="OutboxOptions.Parallelism"/> send slots
/// are free, and sent in parallel across conversations, each conversation's rows in order; each answer is recorded as
/// soon as it comes, with the others that came meanwhile (<see cref="OutboxRecorder"/>); the slot is free once the answer has
/// come, not once it is written. A crash after the channel accepted a message and before the row is marked can send
/// it twice (after the lease); nothing is ever lost.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IChannelSender> senders,
    OutboxRecorder recorder,
    WriterGate writers,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var writing = recorder.RunAsync();
        // Sends in flight, each holding a slot until its answer comes. No batch waits for its slowest send: a
        // 500 retried after a second holds one slot, not the rows claimed beside it (with a batch barrier, every batch
        // of a 2,009-group announcement waited for its one retried 500, which made the fan-out ~30 s).
        var sending = new List<Task<Task>>();
        // Answers queued for the recorder. They hold no slot: while an announcement's chunk holds SQLite's writer,
        // the slots go on sending instead of waiting for it (the rows stay under their lease meanwhile).
        var recording = new List<Task>();
        // Claim again once half the slots are free: one claim per few dozen sends, not one per send.
        var refillAt = Math.Max(1, settings.Parallelism / 2);
        while (!stoppingToken.IsCancellationRequested)
        {
            recording.AddRange(sending.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            sending.RemoveAll(t => t.IsCompleted);
            recording.RemoveAll(t => t.IsCompleted);
            var free = settings.Parallelism - sending.Count;
            var claimed = 0;
            if (free >= refillAt || sending.Count == 0)
            {
                try
                {
                    foreach (var (message, sender) in await ClaimAsync(settings, Math.Min(free, settings.BatchSize), stoppingToken))
                    {
                        sending.Add(SendAsync(message, sender, stoppingToken));
                        claimed++;
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogDispatchFailed(logger, ex);
                }
            }

            if (claimed > 0 && sending.Count < settings.Parallelism)
            {
                // More may be due right now (a claim holds one row per conversation and at most the free slots).
                continue;
            }

            // Full, or nothing due: wait for a send to finish (it frees a slot), an answer to be recorded (it may make
            // its conversation's next row the head) or for the poll interval, whichever comes first.
            var poll = Task.Delay(settings.PollInterval, time, stoppingToken);
            await Task.WhenAny([.. sending, .. recording, poll]);
        }

        await ((Task)Task.WhenAll(sending)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        recorder.Complete();
        await writing;
    }

    /// <returns>The claimed rows, each with what sends it (its channel's sender, as prepared for this claim; null: no sender).</returns>
    private async Task<List<(OutboxMessage Message, IOutboxRowSender? Sender)>> ClaimAsync(OutboxOptions settings, int count, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxMessage> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            claimed = await OutboxClaims.ClaimAsync(db, writers, time.GetUtcNow().UtcDateTime, count, settings.ClaimLease, cancellationToken);
        }

        if (claimed.Count > 0)
        {
            LogClaimed(logger, claimed.Count);
        }

        var sends = new List<(OutboxMessage, IOutboxRowSender?)>(claimed.Count);
        foreach (var rows in claimed.GroupBy(SenderOf))
        {
            IOutboxRowSender? sender = rows.Key;
            if (rows.Key is not null)
            {
                try
                {
                    sender = await rows.Key.PrepareAsync([.. rows], cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // Only slower: the sender reads what it needs row by row.
                    LogPrepareFailed(logger, rows.Key.Channel, ex);
                }
            }

            sends.AddRange(rows.Select(row => (row, sender)));
        }

        return sends;
    }

    /// <summary>Sends the row and queues its answer for the recorder.</summary>
    /// <returns>The recording, done once the answer is written.</returns>
    /// <remarks>
    /// A claim holds at most one row per conversation and a conversation's next row is claimable only once this one is
    /// recorded, so sending rows in parallel never reorders a conversation.
    /// </remarks>
    private async Task<Task> SendAsync(OutboxMessage message, IOutboxRowSender? sender, CancellationToken cancellationToken)
    {
        // Off the claiming loop at once: the loop goes on claiming while this send waits for its channel.
        await Task.Yield();
        try
        {
            var outcome = await SendThroughChannelAsync(message, sender, cancellationToken);
            return recorder.RecordAsync(message, outcome);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not recorded: the row stays claimed until its lease runs out and is sent again then.
            LogDispatchFailed(logger, ex);
            return Task.CompletedTask;
        }
    }

    private async Task<SendOutcome> SendThroughChannelAsync(OutboxMessage message, IOutboxRowSender? sender, CancellationToken cancellationToken)
    {
        if (sender is null)
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

    // Bot Framework clients name their own channel ("emulator", "directline", "msteams", ...): a channel with no
    // sender of its own is a Bot Framework one, sent through its stored conversation reference.
    private IChannelSender? SenderOf(OutboxMessage message) =>
        _senders.TryGetValue(message.Channel, out var sender) || _senders.TryGetValue(BotFrameworkSender.ChannelName, out sender) ? sender : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing the claimed {Channel} rows failed; they are sent one lookup each")]
    private static partial void LogPrepareFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch loop failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id}: its sender failed")]
    private static partial void LogSendFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox claimed {Count} row(s)")]
    private static partial void LogClaimed(ILogger logger, int count);
}
