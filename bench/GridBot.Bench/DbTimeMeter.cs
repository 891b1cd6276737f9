using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridBot.Bench;

/// <summary>
/// Sums the time EF Core reports for every executed database command (its DiagnosticSource events), so a scenario can
/// say how much of a run was spent in SQLite rather than in building text. Background polls (the outbox dispatcher)
/// add a few milliseconds.
/// </summary>
internal sealed class DbTimeMeter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable allListeners;
    private readonly List<IDisposable> subscriptions = [];
    private long ticks;
    private long commands;

    public DbTimeMeter() => allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    public long Commands => Interlocked.Read(ref commands);

    public void Reset()
    {
        Interlocked.Exchange(ref ticks, 0);
        Interlocked.Exchange(ref commands, 0);
    }

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
        if (value.Value is CommandExecutedEventData executed)
        {
            Interlocked.Add(ref ticks, executed.Duration.Ticks);
            Interlocked.Increment(ref commands);
        }
    }

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
