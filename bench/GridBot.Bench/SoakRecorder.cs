using System.Diagnostics;

namespace GridBot.Bench;

/// <summary>What the soak sends; one arrival is one request of one kind.</summary>
internal enum SoakKind
{
    Report,
    Duplicate,
    AiBot,
    Command,
    Console,
    Announce,
}

/// <summary>Latency of one kind within one window.</summary>
internal sealed record SoakLatency(int Count, int Errors, double P50Ms, double P99Ms);

/// <summary>
/// One 30-second window of the soak: traffic, latency per kind and the process's memory at its end (GC heap: live bytes
/// after a full blocking collection; GC committed: what the GC holds from the OS, live or not; SQLite: the native heap of
/// SQLite itself, page caches and statements, which the working set holds but the GC heap does not), the outbox backlog and how many replies the in-process activity cache holds.
/// </summary>
internal sealed record SoakWindow(
    double EndMinute,
    int Requests,
    int Errors,
    int InFlight,
    double P50Ms,
    double P99Ms,
    IReadOnlyDictionary<string, SoakLatency> Kinds,
    long WorkingSetMb,
    long GcHeapMb,
    long GcCommittedMb,
    long SqliteMb,
    int Gen0,
    int Gen1,
    int Gen2,
    int OutboxBacklog,
    int CachedReplies);

/// <summary>
/// Collects each answer's latency (from its scheduled arrival, so a server that falls behind shows as latency, not as
/// fewer requests) into the current window; <see cref="Close"/> ends the window with the process's figures.
/// </summary>
internal sealed class SoakRecorder
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Dictionary<SoakKind, List<(double Ms, bool Ok)>> _current = [];
    private int _inFlight;
    private GcCounts _windowStart = GcCounts.Now();

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Started() => Interlocked.Increment(ref _inFlight);

    public void Finished(SoakKind kind, TimeSpan latency, bool ok)
    {
        Interlocked.Decrement(ref _inFlight);
        lock (_gate)
        {
            if (!_current.TryGetValue(kind, out var list))
            {
                _current[kind] = list = [];
            }

            list.Add((latency.TotalMilliseconds, ok));
        }
    }

    public SoakWindow Close(int outboxBacklog, int cachedReplies)
    {
        Dictionary<SoakKind, List<(double Ms, bool Ok)>> closed;
        lock (_gate)
        {
            (closed, _current) = (_current, []);
        }

        var gc = _windowStart.Since();
        // The heap as of the last GC (mostly a gen0 one) includes gen2 garbage a later full collection frees, so a
        // slope of it says little. A full, blocking, compacting collection each window reads what is still alive; it
        // is taken before the window's counts restart so it is not counted as the traffic's own collection.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        _windowStart = GcCounts.Now();
        using var process = Process.GetCurrentProcess();
        var all = closed.Values.SelectMany(l => l).Select(l => l.Ms).Order().ToArray();
        var kinds = closed.OrderBy(k => k.Key).ToDictionary(k => k.Key.ToString().ToLowerInvariant(), k => Latency(k.Value));
        return new SoakWindow(_clock.Elapsed.TotalMinutes, all.Length, kinds.Values.Sum(k => k.Errors), Volatile.Read(ref _inFlight),
            LoadRunner.Percentile(all, 0.50), LoadRunner.Percentile(all, 0.99), kinds,
            process.WorkingSet64 / (1024 * 1024), info.HeapSizeBytes / (1024 * 1024), info.TotalCommittedBytes / (1024 * 1024),
            SQLitePCL.raw.sqlite3_memory_used() / (1024 * 1024), gc.Gen0, gc.Gen1, gc.Gen2, outboxBacklog, cachedReplies);
    }

    private static SoakLatency Latency(List<(double Ms, bool Ok)> answers)
    {
        var sorted = answers.Select(a => a.Ms).Order().ToArray();
        return new SoakLatency(sorted.Length, answers.Count(a => !a.Ok), LoadRunner.Percentile(sorted, 0.50), LoadRunner.Percentile(sorted, 0.99));
    }
}
