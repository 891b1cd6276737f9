namespace GridBot.Bench;

/// <summary>Medians of repeated timings, and a timed row's ratio to its baseline: p50 ÷ the baseline's p50.</summary>
internal static class Timings
{
    public static double Median(IReadOnlyCollection<double> milliseconds) => milliseconds.Order().ElementAt(milliseconds.Count / 2);

    public static double? RatioOfMedians(IReadOnlyCollection<double> milliseconds, IReadOnlyCollection<double>? baseline) =>
        baseline is null ? null : Median(milliseconds) / Median(baseline);
}
