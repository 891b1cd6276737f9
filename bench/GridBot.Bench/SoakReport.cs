using System.Globalization;
using System.Text.Json;

namespace GridBot.Bench;

/// <summary>The soak's verdict: memory slopes over the last third, plateau or not, and the p99 drift.</summary>
internal sealed record SoakVerdict(double WorkingSetMbPerMinute, double GcHeapMbPerMinute, double P99LastOverFirst, string Memory);

/// <summary>The soak's windows as a table, its verdict (memory slope, plateau, p99 drift) and bench/results/soak.json.</summary>
internal static class SoakReport
{
    /// <summary>Below this slope (MB/min) over the last third, for both the working set and the live GC heap, memory has plateaued.</summary>
    public const double PlateauMbPerMinute = 0.2;

    private static readonly string[] Kinds = [.. Enum.GetNames<SoakKind>().Select(k => k.ToLowerInvariant())];

    public static string Header() =>
        $"{"min",5} {"reqs",6} {"err",4} {"infl",5} {"p50",7} {"p99",7} {"WS MB",6} {"heap",5} {"commit",6} {"sqlite",6} {"gc 0/1/2",10} {"outbox",6} {"cached",6}  p99 ms per kind: {string.Join(' ', Kinds)}";

    public static string Row(SoakWindow w) => string.Create(CultureInfo.InvariantCulture,
        $"{w.EndMinute,5:0.0} {w.Requests,6} {w.Errors,4} {w.InFlight,5} {w.P50Ms,7:0.0} {w.P99Ms,7:0.0} {w.WorkingSetMb,6} {w.GcHeapMb,5} {w.GcCommittedMb,6} {w.SqliteMb,6} {$"{w.Gen0}/{w.Gen1}/{w.Gen2}",10} {w.OutboxBacklog,6} {w.CachedReplies,6}  ")
        + string.Join(' ', Kinds.Select(k => w.Kinds.TryGetValue(k, out var l) ? l.P99Ms.ToString("0", CultureInfo.InvariantCulture) : "-"));

    /// <summary>
    /// Working set and GC heap slopes (MB/min, least squares over the last third of the full windows, i.e. after the
    /// caches have had two thirds of the run to fill), "plateau" when both are under <see cref="PlateauMbPerMinute"/>,
    /// and the last full window's p99 over the first's.
    /// </summary>
    public static SoakVerdict Verdict(IReadOnlyList<SoakWindow> windows)
    {
        // The last window also holds the drain after the final arrival: compare full windows only.
        var full = windows.Count > 2 ? windows.Take(windows.Count - 1).ToList() : [.. windows];
        var lastThird = full.Skip(full.Count - Math.Max(2, full.Count / 3)).ToList();
        var ws = Slope(lastThird, w => w.WorkingSetMb);
        var heap = Slope(lastThird, w => w.GcHeapMb);
        var memory = ws < PlateauMbPerMinute && heap < PlateauMbPerMinute ? "plateau" : "growing";
        return new SoakVerdict(ws, heap, full[^1].P99Ms / full[0].P99Ms, memory);
    }

    public static void Print(IReadOnlyList<SoakWindow> windows, int rate)
    {
        Console.WriteLine();
        Console.WriteLine(Header());
        foreach (var window in windows)
        {
            Console.WriteLine(Row(window));
        }

        var v = Verdict(windows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verdict: memory {v.Memory} ({rate}/s; slope over the last third: working set {v.WorkingSetMbPerMinute:+0.00;-0.00} MB/min, live GC heap {v.GcHeapMbPerMinute:+0.00;-0.00} MB/min, plateau below {PlateauMbPerMinute} MB/min); p99 last ÷ first window {v.P99LastOverFirst:0.00}; errors {windows.Sum(w => w.Errors)} of {windows.Sum(w => w.Requests)}; outbox backlog at the end {windows[^1].OutboxBacklog}"));
    }

    public static async Task WriteJsonAsync(IReadOnlyList<SoakWindow> windows, int rate, TimeSpan duration, BenchMachine machine, string path, CancellationToken cancellationToken)
    {
        var document = new
        {
            machine,
            rate,
            minutes = duration.TotalMinutes,
            mix = SoakTraffic.Mix.GroupBy(k => k.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count() * rate / (double)SoakTraffic.Mix.Length),
            verdict = Verdict(windows),
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
