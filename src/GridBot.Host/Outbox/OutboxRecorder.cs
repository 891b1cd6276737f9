using System.Threading.Channels;
using GridBot.Dialogs.Telemetry;
using GridBot.Host.Configuration;
using GridBot.Store;
using GridBot.Store.Outbox;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Outbox;

/// <summary>
/// Records the dispatcher's send results: whatever answers have come in since the last write are recorded together in
/// one transaction (every delivered row of them in one statement), queued for SQLite's one writer behind waiting turns. One write
/// per row made a 2,009-group announcement 2,009 commits fighting the residents' turns in SQLite's busy handler; now
/// it is a few dozen, each a few milliseconds. A result waits only for the write in progress, so a conversation's next
/// row still becomes claimable as soon as its head is recorded.
/// </summary>
internal sealed partial class OutboxRecorder(
    IServiceScopeFactory scopes,
    WriterGate writers,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    GridBotTelemetry telemetry,
    ILogger<OutboxRecorder> logger)
{
    /// <summary>At most this many results in one transaction (a bound on how long the writer is held).</summary>
    private const int MaxBatch = 256;

    /// <summary>
    /// Added to the limiter's "free in": the channel counts a send when it arrives, a little after our permit was
    /// taken, so a send at the exact end of our window can still land inside the channel's.
    /// </summary>
    private static readonly TimeSpan NotYetMargin = TimeSpan.FromSeconds(1);

    private readonly Channel<Result> _results = Channel.CreateUnbounded<Result>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the result; the task ends once it is written (or the write failed: the row then waits for its lease).</summary>
    public Task RecordAsync(OutboxMessage message, SendOutcome outcome)
    {
        var result = new Result(message, outcome, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_results.Writer.TryWrite(result))
        {
            // Stopping: not recorded, the row is sent again after its lease (at least once, as always).
            return Task.CompletedTask;
        }

        return result.Recorded.Task;
    }

    /// <summary>No more results: <see cref="RunAsync"/> ends once the ones queued are written.</summary>
    public void Complete() => _results.Writer.TryComplete();

    /// <summary>
    /// Writes results until <see cref="Complete"/>. Not cancelled by the host's stop: a message the channel accepted is
    /// recorded even while the host stops, so it is not sent again after its lease.
    /// </summary>
    public async Task RunAsync()
    {
        var reader = _results.Reader;
        var batch = new List<Result>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var result))
            {
                batch.Add(result);
            }

            try
            {
                await WriteAsync(batch, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Not recorded: the rows stay claimed until their lease runs out and are sent again then.
                LogRecordFailed(logger, batch.Count, ex);
            }

            foreach (var result in batch)
            {
                result.Recorded.TrySetResult();
            }
        }
    }

    private async Task WriteAsync(List<Result> batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var entered = await writers.EnterBackgroundAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var lost = 0;
            var delivered = batch.Where(r => r.Outcome is SendOutcome.Delivered).Select(r => r.Message.Id).ToList();
            if (delivered.Count > 0)
            {
                // The channel has them: recorded whoever holds the row now, so it is not sent again.
                lost += delivered.Count - await db.Outbox.Where(o => delivered.Contains(o.Id)).MarkSentAsync(now, cancellationToken);
            }

            foreach (var result in batch.Where(r => r.Outcome is not SendOutcome.Delivered))
            {
                lost += 1 - await RecordOneAsync(db, result.Message, result.Outcome, settings, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (lost > 0)
            {
                LogLeaseLost(logger, lost);
            }
        }
        finally
        {
            if (entered)
            {
                writers.Leave();
            }
        }

        foreach (var result in batch)
        {
            Count(result.Message.Channel, result.Outcome);
        }
    }

    private async Task<int> RecordOneAsync(GridBotDbContext db, OutboxMessage message, SendOutcome outcome, OutboxOptions settings, DateTime now, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        // Only under our own claim: if the lease ran out and another host took the row, its result is the one that counts.
        var query = db.Outbox.Where(o => o.Id == message.Id && o.LeaseId == message.LeaseId);
        return outcome switch
        {
            SendOutcome.NotYet { RetryAfter: var wait } => await query.PostponeAsync(now + wait + NotYetMargin, cancellationToken),
            SendOutcome.Transient { Reason: var reason } when attempts < settings.MaxAttempts =>
                await query.RetryAsync(now + OutboxBackoff.Wait(attempts, settings.FirstRetryDelay, Random.Shared.NextDouble()), reason, cancellationToken),
            SendOutcome.Transient { Reason: var reason } => await FailAsync(query, attempts, "gave up: " + reason, cancellationToken),
            SendOutcome.Permanent { Reason: var reason } => await FailAsync(query, attempts, reason, cancellationToken),
            // The sender's own transaction recorded it (a read here would only find the row no longer pending).
            SendOutcome.HandedOver => 1,
            _ => throw new InvalidOperationException($"Unknown send outcome {outcome.GetType().Name}."),
        };
    }

    private async Task<int> FailAsync(IQueryable<OutboxMessage> query, int attempts, string reason, CancellationToken cancellationToken)
    {
        var marked = await query.FailAsync(reason, cancellationToken);
        LogGaveUp(logger, attempts, reason);
        return marked;
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
            SendOutcome.HandedOver => "handed-over",
            _ => "permanent",
        };
        telemetry.Sends.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", name));
    }

    private sealed record Result(OutboxMessage Message, SendOutcome Outcome, TaskCompletionSource Recorded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message failed permanently after {Attempts} attempt(s): {Reason}")]
    private static partial void LogGaveUp(ILogger logger, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Count} outbox result(s) failed; the rows are sent again after their lease")]
    private static partial void LogRecordFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbox row(s): the lease ran out before the result was recorded (raise Outbox:ClaimLease)")]
    private static partial void LogLeaseLost(ILogger logger, int count);
}
