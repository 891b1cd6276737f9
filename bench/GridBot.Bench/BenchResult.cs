namespace GridBot.Bench;

public sealed record BenchResult(
    string Scenario,
    string Variant,
    int Concurrency,
    long Requests,
    long Errors,
    double PerSecond,
    double P50Ms,
    double P99Ms,
    double? RatioToBaseline,
    long PeakWorkingSetMb,
    int Gen0,
    int Gen1,
    int Gen2)
{
    /// <summary>Scenario facts that are not rates (accuracy, model size, training time).</summary>
    public string? Notes { get; init; }
}
