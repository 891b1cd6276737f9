using System.Globalization;
using System.Text.Json;

namespace GridBot.Bench;

internal static class BenchReport
{
    public static string ResultsFolder()
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "GridBot.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        var results = Path.Combine(folder ?? Directory.GetCurrentDirectory(), "bench", "results");
        Directory.CreateDirectory(results);
        return results;
    }

    public static void Print(IReadOnlyList<BenchResult> results)
    {
        Console.WriteLine($"{"scenario",-10} {"variant",-10} {"conc",5} {"requests",9} {"errors",6} {"per s",9} {"p50 ms",8} {"p99 ms",8} {"ratio",6} {"peak MB",8} {"gen0/1/2",10}");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario,-10} {r.Variant,-10} {r.Concurrency,5} {r.Requests,9} {r.Errors,6} {r.PerSecond,9:0} {r.P50Ms,8:0.0} {r.P99Ms,8:0.0} {(r.RatioToBaseline is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "-"),6} {r.PeakWorkingSetMb,8} {$"{r.Gen0}/{r.Gen1}/{r.Gen2}",10} {r.Notes}"));
        }
    }

    public static async Task WriteJsonAsync(IReadOnlyList<BenchResult> results, BenchMachine machine, string path, CancellationToken cancellationToken)
    {
        var document = new { machine, results };
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, document, new JsonSerializerOptions { WriteIndented = true }, cancellationToken);
        Console.WriteLine($"wrote {path}");
    }
}
