using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridBot.Bench;

/// <summary>
/// Sums the time EF Core reports for every executed database command (its DiagnosticSource events), so a scenario can
/// say how much of a run was spent in SQLite rather than in building text; and, per transaction, how long beginning it
/// waited (on SQLite `BEGIN IMMEDIATE` waits there for the single writer's lock), how long the commit took and how long
/// the write lock was held (begun → committed). Background polls (the outbox dispatcher) add a few commands.
/// </summary>
internal sealed class DbTimeMeter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable allListeners;
    private readonly List<IDisposable> subscriptions = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, long> _begun = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long[]> _byCommand = new();
    private long ticks;
    private long commands;
    private long statements;
    private long transactions;
    private long beginTicks;
    private long commitTicks;
    private long heldTicks;

    public DbTimeMeter() => allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    public long Commands => Interlocked.Read(ref commands);

    /// <summary>SQL statements in those commands (SaveChanges batches several into one command: one round trip).</summary>
    public long Statements => Interlocked.Read(ref statements);

    public long Transactions => Interlocked.Read(ref transactions);

    /// <summary>Time spent beginning transactions: the wait for SQLite's write lock.</summary>
    public TimeSpan BeginWait => TimeSpan.FromTicks(Interlocked.Read(ref beginTicks));

    public TimeSpan Commit => TimeSpan.FromTicks(Interlocked.Read(ref commitTicks));

    /// <summary>Time the write lock was held, from the end of BEGIN to the end of COMMIT (or ROLLBACK).</summary>
    public TimeSpan Held => TimeSpan.FromTicks(Interlocked.Read(ref heldTicks));

    public void Reset()
    {
        Interlocked.Exchange(ref ticks, 0);
        Interlocked.Exchange(ref commands, 0);
        Interlocked.Exchange(ref statements, 0);
        Interlocked.Exchange(ref transactions, 0);
        Interlocked.Exchange(ref beginTicks, 0);
        Interlocked.Exchange(ref commitTicks, 0);
        Interlocked.Exchange(ref heldTicks, 0);
        _byCommand.Clear();
    }

    /// <summary>The commands run most often since the last reset (their text's start), with count and total time.</summary>
    public IEnumerable<(string Command, long Count, TimeSpan Elapsed)> MostRun(int count) =>
        _byCommand.Select(c => (c.Key, Interlocked.Read(ref c.Value[0]), TimeSpan.FromTicks(Interlocked.Read(ref c.Value[1]))))
            .OrderByDescending(c => c.Item2).Take(count);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                Interlocked.Add(ref ticks, executed.Duration.Ticks);
                Interlocked.Increment(ref commands);
                Interlocked.Add(ref statements, StatementCount(executed.Command.CommandText));
                var text = executed.Command.CommandText.ReplaceLineEndings(" ");
                var counts = _byCommand.GetOrAdd(text[..Math.Min(text.Length, 110)], _ => new long[2]);
                Interlocked.Increment(ref counts[0]);
                Interlocked.Add(ref counts[1], executed.Duration.Ticks);
                break;
            case TransactionEndEventData ended when value.Key == RelationalEventId.TransactionCommitted.Name
                                                    || value.Key == RelationalEventId.TransactionRolledBack.Name:
                Interlocked.Add(ref commitTicks, ended.Duration.Ticks);
                if (_begun.TryRemove(ended.TransactionId, out var begunAt))
                {
                    Interlocked.Add(ref heldTicks, Stopwatch.GetElapsedTime(begunAt).Ticks);
                }

                break;
            case TransactionEndEventData started when value.Key == RelationalEventId.TransactionStarted.Name:
                Interlocked.Increment(ref transactions);
                Interlocked.Add(ref beginTicks, started.Duration.Ticks);
                _begun[started.TransactionId] = Stopwatch.GetTimestamp();
                break;
        }
    }

    // EF separates the statements of a batch with ";" at a line's end.
    private static int StatementCount(string text) =>
        Math.Max(1, text.Split('\n').Count(line => line.TrimEnd().EndsWith(';')));

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        allListeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
