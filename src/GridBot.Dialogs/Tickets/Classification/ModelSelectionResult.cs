using System.Globalization;
using System.Text;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>The cross-validation table and the setting it chose.</summary>
public sealed class ModelSelectionResult
{
    internal ModelSelectionResult(IReadOnlyList<CandidateResult> results, CandidateResult chosen, int rows, int folds, double seconds)
    {
        Results = results;
        Chosen = chosen;
        Rows = rows;
        Folds = folds;
        Seconds = seconds;
    }

    /// <summary>Every setting of the grid in grid order, then the baseline (if it was run).</summary>
    public IReadOnlyList<CandidateResult> Results { get; }

    /// <summary>The best grid setting by out-of-fold macro-F1 (accuracy breaks ties; then the simpler one).</summary>
    public CandidateResult Chosen { get; }

    public CandidateResult? Baseline => Results.FirstOrDefault(static r => r.IsBaseline);

    public int Rows { get; }

    public int Folds { get; }

    public double Seconds { get; }

    public string ToTable()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"{Folds}-fold cross-validation on {Rows} rows ({Seconds:0.0} s); out-of-fold figures, ECE before → after calibration");
        var width = Results.Max(static r => Name(r).Length) + 2;
        text.Append("setting".PadRight(width)).AppendLine("accuracy  macro-F1  log-loss  ECE            T      fit s");
        foreach (var r in Results)
        {
            var mark = ReferenceEquals(r, Chosen) ? "  ← chosen" : string.Empty;
            text.Append(Name(r).PadRight(width)).AppendLine(inv,
                $"{r.Accuracy,8:0.000}  {r.MacroF1,8:0.000}  {r.LogLoss,8:0.000}  {r.CalibrationError.Raw:0.000} → {r.CalibrationError.Calibrated:0.000}  {r.Options.Temperature,5:0.00}  {r.Seconds,6:0.0}{mark}");
        }

        if (Baseline is { } baseline)
        {
            text.AppendLine(inv,
                $"chosen − baseline: accuracy {Chosen.Accuracy - baseline.Accuracy:+0.000;-0.000}, macro-F1 {Chosen.MacroF1 - baseline.MacroF1:+0.000;-0.000}");
        }

        return text.ToString();
    }

    public override string ToString() => ToTable();

    private static string Name(CandidateResult r) => r.IsBaseline ? "baseline: " + r.Options.Describe() : r.Options.Describe();
}
