using System.Diagnostics;

namespace GridBot.Bench;

/// <summary>
/// Residents' 智能机器人 reports at a steady open-loop rate while something else runs (an announcement's fan-out), so the
/// turns' p99 can be read beside a quiet stretch of the same run. Latency counts from each arrival's scheduled time.
/// </summary>
internal sealed class ResidentLoad(SoakTraffic traffic, int rate)
{
    private long _sequence;

    /// <summary>Turns one after the other, not counted: JIT and first queries belong to no measurement.</summary>
    public async Task WarmUpAsync(int turns, CancellationToken cancellationToken)
    {
        for (var i = 0; i < turns; i++)
        {
            await traffic.SendAsync(SoakKind.AiBot, Interlocked.Increment(ref _sequence), cancellationToken);
        }
    }

    /// <summary>Sends until <paramref name="done"/> says stop (checked at each arrival), then waits for the answers.</summary>
    public async Task<(int Requests, int Errors, double P50Ms, double P99Ms)> RunAsync(Func<bool> done, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var answers = new List<Task<(double Ms, bool Ok)>>();
        for (var n = 0; !done(); n++)
        {
            var due = TimeSpan.FromSeconds((double)n / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            answers.Add(OneAsync(Interlocked.Increment(ref _sequence), clock, due, cancellationToken));
        }

        var results = await Task.WhenAll(answers);
        var sorted = results.Select(r => r.Ms).Order().ToArray();
        return (results.Length, results.Count(r => !r.Ok), LoadRunner.Percentile(sorted, 0.50), LoadRunner.Percentile(sorted, 0.99));
    }

    private async Task<(double Ms, bool Ok)> OneAsync(long sequence, Stopwatch clock, TimeSpan due, CancellationToken cancellationToken)
    {
        bool ok;
        try
        {
            ok = await traffic.SendAsync(SoakKind.AiBot, sequence, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            ok = false;
        }

        return ((clock.Elapsed - due).TotalMilliseconds, ok);
    }
}
