namespace GridBot.Store.Turns;

/// <summary>
/// SQLite has one writer: this host's turns queue for it here, in order, instead of in SQLite's busy handler, whose
/// sleeps back off (up to 100 ms a try) and answer a waiting turn tens to hundreds of milliseconds after the lock is
/// free, unfairly. A turn enters before its write transaction begins and leaves when it commits or rolls back, so when
/// the lock frees the next turn in line takes it at once. PostgreSQL has row locks and many writers: the gate is open.
/// The outbox dispatcher's claims and records and announcement fan-out chunks queue here too; other writers (jobs,
/// other processes) still meet the lock in SQLite, as before.
/// </summary>
public sealed class WriterGate(bool singleWriter)
{
    /// <summary>As long as <c>PRAGMA busy_timeout</c>: a turn that waited this long goes on to SQLite, which then
    /// answers "locked" as it would have without the gate (the turn's request answers 503 and is retried).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Waits for the writer's turn; true when entered (then <see cref="Leave"/> exactly once).</summary>
    public async Task<bool> EnterAsync(CancellationToken cancellationToken) =>
        singleWriter && await _writer.WaitAsync(MaxWait, cancellationToken);

    public void Leave() => _writer.Release();
}
