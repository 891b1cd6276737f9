using System.Diagnostics;

namespace GridBot.Bench;

/// <summary>What one send in a load run came to; <see cref="Exhausted"/> stops the worker (its prepared requests ran out).</summary>
internal enum LoadOutcome
{
    Ok,
    Error,
    Exhausted,
}

/// <summary>Closed-loop load: N workers each send, wait for the answer, send again, for a fixed time or until the work runs out.</summary>
internal static class LoadRunner
{
    public static Task<(long Requests, long Errors, double PerSecond, double P50, double P99)> RunAsync(
        int concurrency, TimeSpan duration, Func<int, long, CancellationToken, Task<bool>> send, CancellationToken cancellationToken) =>
        RunAsync(concurrency, duration, async (worker, sequence, ct) => await send(worker, sequence, ct) ? LoadOutcome.Ok : LoadOutcome.Error, cancellationToken);

    public static async Task<(long Requests, long Errors, double PerSecond, double P50, double P99)> RunAsync(
        int concurrency, TimeSpan duration, Func<int, long, CancellationToken, Task<LoadOutcome>> send, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[concurrency];
        long errors = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            long sequence = 0;
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var outcome = await send(worker, sequence++, cancellationToken);
                if (outcome == LoadOutcome.Exhausted)
                {
                    break;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (outcome == LoadOutcome.Error)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length, errors, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
