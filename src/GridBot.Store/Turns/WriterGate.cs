namespace GridBot.Store.Turns;

/// <summary>
/// SQLite has one writer: this host's writers queue for it here, in order, instead of in SQLite's busy handler, whose
/// sleeps back off (up to 100 ms a try) and answer a waiting writer tens to hundreds of milliseconds after the lock is
/// free, unfairly. A writer enters before its write transaction begins and leaves when it commits or rolls back, so when
/// the lock frees the next one in line takes it at once. PostgreSQL has row locks and many writers: the gate is open.
/// Two lanes: residents' turns (<see cref="EnterAsync"/>) go before background writers (<see cref="EnterBackgroundAsync"/>:
/// the outbox dispatcher's claims and records, announcement fan-out chunks, imports), so a turn waits for the write that
/// holds the lock, not for a queue of chunks and claims behind it; after <see cref="TurnsBeforeBackground"/> turns in a
/// row while background work waits, one background writer goes, so a steady stream of turns cannot starve it. Other
/// writers (jobs, other processes) still meet the lock in SQLite, as before.
/// </summary>
public sealed class WriterGate(bool singleWriter)
{
    /// <summary>As long as <c>PRAGMA busy_timeout</c>: a writer that waited this long goes on to SQLite, which then
    /// answers "locked" as it would have without the gate (a turn's request answers 503 and is retried).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>Turns let in one after another while a background writer waits, before it gets its go.</summary>
    public const int TurnsBeforeBackground = 4;

    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<bool>> _turns = new();
    private readonly Queue<TaskCompletionSource<bool>> _background = new();
    private bool _held;
    private int _turnsInARow;

    /// <summary>A turn waits for the writer; true when entered (then <see cref="Leave"/> exactly once).</summary>
    public Task<bool> EnterAsync(CancellationToken cancellationToken) => EnterAsync(_turns, cancellationToken);

    /// <summary>A background writer waits for the writer, behind waiting turns; true when entered (then <see cref="Leave"/> exactly once).</summary>
    public Task<bool> EnterBackgroundAsync(CancellationToken cancellationToken) => EnterAsync(_background, cancellationToken);

    public void Leave()
    {
        lock (_lock)
        {
            // A waiter that timed out or was cancelled completed its own task: passing it by hands the writer on.
            while (NextLane() is { } lane)
            {
                if (lane.Dequeue().TrySetResult(true))
                {
                    CountGrant(lane);
                    return;
                }
            }

            _held = false;
        }
    }

    private async Task<bool> EnterAsync(Queue<TaskCompletionSource<bool>> lane, CancellationToken cancellationToken)
    {
        if (!singleWriter)
        {
            return false;
        }

        TaskCompletionSource<bool> waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                CountGrant(lane);
                return true;
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            lane.Enqueue(waiter);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(MaxWait);
        await using (timeout.Token.Register(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                waiter.TrySetCanceled(cancellationToken);
            }
            else
            {
                waiter.TrySetResult(false);
            }
        }))
        {
            // Whichever completes the task first wins: a grant that lost to the timeout passes on to the next waiter.
            return await waiter.Task;
        }
    }

    /// <summary>The lane whose head goes next (under the lock), or null when no one waits.</summary>
    private Queue<TaskCompletionSource<bool>>? NextLane()
    {
        DropFinished(_turns);
        DropFinished(_background);
        return _turns.Count > 0 && (_background.Count == 0 || _turnsInARow < TurnsBeforeBackground) ? _turns
            : _background.Count > 0 ? _background
            : null;
    }

    private void CountGrant(Queue<TaskCompletionSource<bool>> lane) => _turnsInARow = lane == _turns ? _turnsInARow + 1 : 0;

    private static void DropFinished(Queue<TaskCompletionSource<bool>> lane)
    {
        while (lane.TryPeek(out var head) && head.Task.IsCompleted)
        {
            lane.Dequeue();
        }
    }
}
