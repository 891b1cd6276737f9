using System.Globalization;
using System.Text.Json;

namespace GridBot.Bench;

/// <summary>The soak's windows as a table, its verdict (memory slope, p99 drift) and bench/results/soak.json.</summary>
internal static class SoakReport
{
    private static readonly string[] Kinds = [.. Enum.GetNames<SoakKind>().Select(k => k.ToLowerInvariant())];

    public static string Header() =>
        $"{"min",5} {"reqs",6} {"err",4} {"infl",5} {"p50",7} {"p99",7} {"WS MB",6} {"heap",5} {"gc 0/1/2",10} {"outbox",6}  p99 ms per kind: {string.Join(' ', Kinds)}";

    public static string Row(SoakWindow w) => string.Create(CultureInfo.InvariantCulture,
        $"{w.EndMinute,5:0.0} {w.Requests,6} {w.Errors,4} {w.InFlight,5} {w.P50Ms,7:0.0} {w.P99Ms,7:0.0} {w.WorkingSetMb,6} {w.GcHeapMb,5} {$"{w.Gen0}/{w.Gen1}/{w.Gen2}",10} {w.OutboxBacklog,6}  ")
        + string.Join(' ', Kinds.Select(k => w.Kinds.TryGetValue(k, out var l) ? l.P99Ms.ToString("0", CultureInfo.InvariantCulture) : "-"));

    /// <summary>Working set and GC heap slopes (MB/min, least squares over the second half) and the last window's p99 over the first's.</summary>
    public static (double WorkingSetSlope, double HeapSlope, double P99Ratio) Verdict(IReadOnlyList<SoakWindow> windows)
    {
        // The last window also holds the drain after the final arrival: compare full windows only.
        var full = windows.Count > 2 ? windows.Take(windows.Count - 1).ToList() : [.. windows];
        var secondHalf = full.Skip(full.Count / 2).ToList();
        return (Slope(secondHalf, w => w.WorkingSetMb), Slope(secondHalf, w => w.GcHeapMb), full[^1].P99Ms / full[0].P99Ms);
    }

    public static void Print(IReadOnlyList<SoakWindow> windows, int rate)
    {
        Console.WriteLine();
        Console.WriteLine(Header());
        foreach (var window in windows)
        {
            Console.WriteLine(Row(window));
        }

        var (ws, heap, p99) = Verdict(windows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verdict: {rate}/s; memory slope (second half) working set {ws:+0.00;-0.00} MB/min, GC heap {heap:+0.00;-0.00} MB/min; p99 last ÷ first window {p99:0.00}; errors {windows.Sum(w => w.Errors)} of {windows.Sum(w => w.Requests)}"));
    }

    public static async Task WriteJsonAsync(IReadOnlyList<SoakWindow> windows, int rate, TimeSpan duration, BenchMachine machine, string path, CancellationToken cancellationToken)
    {
        var (ws, heap, p99) = Verdict(windows);
        var document = new
        {
            machine,
            rate,
            minutes = duration.TotalMinutes,
            mix = SoakTraffic.Mix.GroupBy(k => k.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count() * rate / (double)SoakTraffic.Mix.Length),
            verdict = new { workingSetMbPerMinute = ws, gcHeapMbPerMinute = heap, p99LastOverFirst = p99 },
            windows,
        };
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, document, new JsonSerializerOptions { WriteIndented = true }, cancellationToken);
        Console.WriteLine($"wrote {path}");
    }

    private static double Slope(IReadOnlyList<SoakWindow> windows, Func<SoakWindow, double> value)
    {
        if (windows.Count < 2)
        {
            return 0;
        }

        var meanX = windows.Average(w => w.EndMinute);
        var meanY = windows.Average(value);
        var covariance = windows.Sum(w => (w.EndMinute - meanX) * (value(w) - meanY));
        var variance = windows.Sum(w => (w.EndMinute - meanX) * (w.EndMinute - meanX));
        return covariance / variance;
    }
}
