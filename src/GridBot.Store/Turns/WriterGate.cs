namespace GridBot.Store.Turns;

/// <summary>
/// SQLite has one writer: this host's writers queue for it here, in order, instead of in SQLite's busy handler, whose
/// sleeps back off (up to 100 ms a try) and answer a waiting writer tens to hundreds of milliseconds after the lock is
/// free, unfairly. A writer enters before its write transaction begins and leaves when it commits or rolls back, so when
/// the lock frees the next one in line takes it at once. PostgreSQL has row locks and many writers: the gate is open.
/// Two lanes: residents' turns (<see cref="EnterAsync"/>, <see cref="JoinAsync"/>) go before background writers
/// (<see cref="EnterBackgroundAsync"/>: the outbox dispatcher's claims and records, announcement fan-out chunks,
/// imports), so a turn waits for the write that holds the lock, not for a queue of chunks and claims behind it; after
/// <see cref="TurnsBeforeBackground"/> holders in a row from the turns' lane while background work waits, one background
/// writer goes, so a steady stream of turns cannot starve it. A turn's commit that joins the lane can be taken by the
/// holder ahead of it into that holder's group (<see cref="CommitGroup"/>): one transaction for several turns, one
/// hand-off of the lock instead of one per turn. Other writers (jobs, other processes) still meet the lock in SQLite.
/// </summary>
public sealed class WriterGate(bool singleWriter)
{
    /// <summary>As long as <c>PRAGMA busy_timeout</c>: a writer that waited this long goes on to SQLite, which then
    /// answers "locked" as it would have without the gate (a turn's request answers 503 and is retried).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>Holders let in one after another from the turns' lane while a background writer waits, before it gets its go.</summary>
    public const int TurnsBeforeBackground = 4;

    private readonly Lock _lock = new();
    private readonly Queue<Waiter> _turns = new();
    private readonly Queue<Waiter> _background = new();
    private bool _held;
    private int _turnsInARow;
    private long _groups;

    /// <summary>True when turns' commits are grouped here (SQLite); with many writers (PostgreSQL) each commits alone.</summary>
    public bool GroupsCommits => singleWriter;

    /// <summary>Commits written for joined turns, each one transaction for one or more turns (tests see the grouping).</summary>
    internal long Groups => Interlocked.Read(ref _groups);

    /// <summary>Turns' commits waiting in the lane to be led or taken into a group (tests wait for a queue to form).</summary>
    internal int JoinersWaiting
    {
        get
        {
            lock (_lock)
            {
                return _turns.Count(w => w.Joiner is not null && !w.Outcome.Task.IsCompleted);
            }
        }
    }

    /// <summary>A turn waits for the writer; true when entered (then <see cref="Leave"/> exactly once).</summary>
    public async Task<bool> EnterAsync(CancellationToken cancellationToken) =>
        await EnterAsync(_turns, null, cancellationToken) == Seat.Writer;

    /// <summary>A background writer waits for the writer, behind waiting turns; true when entered (then <see cref="Leave"/> exactly once).</summary>
    public async Task<bool> EnterBackgroundAsync(CancellationToken cancellationToken) =>
        await EnterAsync(_background, null, cancellationToken) == Seat.Writer;

    /// <summary>
    /// A turn's commit waits in the turns' lane: it gets the writer (then it leads a group and calls <see cref="Leave"/>
    /// exactly once), is taken into the group of the holder ahead of it (<see cref="Seat.Joined"/>: that holder writes
    /// and commits it), or waited <see cref="MaxWait"/>. Cancellation counts only until it is taken.
    /// </summary>
    internal Task<Seat> JoinAsync(TurnTransaction turn, CancellationToken cancellationToken) => EnterAsync(_turns, turn, cancellationToken);

    /// <summary>By the holder: takes up to <paramref name="max"/> turns waiting in the lane into its group, in order.</summary>
    internal List<TurnTransaction> TakeJoiners(int max)
    {
        var taken = new List<TurnTransaction>();
        lock (_lock)
        {
            foreach (var waiter in _turns)
            {
                if (taken.Count == max)
                {
                    break;
                }

                // A waiter that timed out or was cancelled completed its own task and is not taken.
                if (waiter.Joiner is { } joiner && waiter.Outcome.TrySetResult(Seat.Joined))
                {
                    taken.Add(joiner);
                }
            }
        }

        return taken;
    }

    /// <summary>By the holder: one group's transaction was written (committed or not).</summary>
    internal void CountGroup() => Interlocked.Increment(ref _groups);

    public void Leave()
    {
        lock (_lock)
        {
            // A waiter that timed out, was cancelled or was taken into a group completed its own task: passing it by
            // hands the writer on.
            while (NextLane() is { } lane)
            {
                if (lane.Dequeue().Outcome.TrySetResult(Seat.Writer))
                {
                    CountGrant(lane);
                    return;
                }
            }

            _held = false;
        }
    }

    private async Task<Seat> EnterAsync(Queue<Waiter> lane, TurnTransaction? joiner, CancellationToken cancellationToken)
    {
        if (!singleWriter)
        {
            return Seat.TimedOut;
        }

        Waiter waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                CountGrant(lane);
                return Seat.Writer;
            }

            waiter = new Waiter(joiner);
            lane.Enqueue(waiter);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(MaxWait);
        await using (timeout.Token.Register(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                waiter.Outcome.TrySetCanceled(cancellationToken);
            }
            else
            {
                waiter.Outcome.TrySetResult(Seat.TimedOut);
            }
        }))
        {
            // Whichever completes the task first wins: a grant or a take that lost to the timeout passes on.
            return await waiter.Outcome.Task;
        }
    }

    /// <summary>The lane whose head goes next (under the lock), or null when no one waits.</summary>
    private Queue<Waiter>? NextLane()
    {
        DropFinished(_turns);
        DropFinished(_background);
        return _turns.Count > 0 && (_background.Count == 0 || _turnsInARow < TurnsBeforeBackground) ? _turns
            : _background.Count > 0 ? _background
            : null;
    }

    private void CountGrant(Queue<Waiter> lane) => _turnsInARow = lane == _turns ? _turnsInARow + 1 : 0;

    private static void DropFinished(Queue<Waiter> lane)
    {
        while (lane.TryPeek(out var head) && head.Outcome.Task.IsCompleted)
        {
            lane.Dequeue();
        }
    }

    /// <summary>How a wait in the gate ended.</summary>
    internal enum Seat
    {
        /// <summary>The writer is this waiter's: it leaves the gate when done.</summary>
        Writer,

        /// <summary>Waited <see cref="MaxWait"/>: go on to SQLite without the gate (with many writers: at once).</summary>
        TimedOut,

        /// <summary>Taken into the holder's group: the holder writes and commits this turn.</summary>
        Joined,
    }

    /// <param name="joiner">A turn's commit the holder may take into its group; null for a writer that writes alone.</param>
    private sealed class Waiter(TurnTransaction? joiner)
    {
        public TurnTransaction? Joiner { get; } = joiner;

        public TaskCompletionSource<Seat> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
