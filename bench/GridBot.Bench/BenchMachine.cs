using System.Globalization;
using System.Runtime.InteropServices;

namespace GridBot.Bench;

/// <summary>The machine a run measured on, with its load before and after: the bench shares the box with whatever else runs.</summary>
internal sealed record BenchMachine(int Cores, string Os, string Runtime, long MemoryMb, string LoadAverageBefore, string LoadAverageAfter, DateTime MeasuredUtc)
{
    public static BenchMachine Describe() => new(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024), LoadAverage(), "", DateTime.UtcNow);

    public BenchMachine Finished() => this with { LoadAverageAfter = LoadAverage() };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Cores} cores, {MemoryMb / 1024.0:0.#} GB, {Os}, {Runtime}; load average (1/5/15 min) {LoadAverageBefore} before, {LoadAverageAfter} after; measured {MeasuredUtc:yyyy-MM-dd HH:mm} UTC");

    /// <summary>Machine load as /proc/loadavg has it (1, 5, 15 minutes).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
