namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Retraining on leaders' corrections (<c>classifier retrain --promote-if-better</c>): a held-out slice of
/// the base rows and of the corrections is kept out, a candidate is trained on the rest, and the previous model
/// and the candidate are both evaluated on the slice. Only a candidate at least as accurate as the previous model
/// (and not worse in macro-F1 by more than <see cref="MacroF1Tolerance"/>) is promoted; the promoted model is then
/// trained on every row.</summary>
/// <remarks>The previous model may have seen the slice's base rows when it was trained, so the comparison leans
/// towards keeping it: a candidate has to be clearly no worse to replace it.</remarks>
public sealed class RetrainingGate(TextClassifierOptions options, int correctionWeight = 3, double sliceShare = 0.2, int seed = 20251123)
{
    public const double MacroF1Tolerance = 0.005;

    public TextClassifierOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Rows a correction counts for: these are the cases the base data got wrong for this district.</summary>
    public int CorrectionWeight { get; } = correctionWeight is >= 1 and <= 10
        ? correctionWeight
        : throw new ArgumentOutOfRangeException(nameof(correctionWeight), correctionWeight, "CorrectionWeight must be 1–10.");

    public RetrainingDecision Compare(
        ITicketClassifier previous, IReadOnlyList<LabelledText> baseRows, IReadOnlyList<LabelledText> corrections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(baseRows);
        ArgumentNullException.ThrowIfNull(corrections);
        var random = new Random(seed);
        var (baseKept, baseSlice) = Split(baseRows, random);
        var (correctionsKept, correctionsSlice) = Split(corrections, random);
        var slice = baseSlice.Concat(correctionsSlice).ToList();
        var candidate = new TextClassifierTrainer(Options).Train(Weighted(baseKept, correctionsKept), cancellationToken);
        var labels = baseRows.Select(static r => r.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var before = ClassifierEvaluation.Evaluate(previous, slice, labels);
        var after = ClassifierEvaluation.Evaluate(candidate, slice, labels);
        var promote = after.Accuracy >= before.Accuracy && after.MacroF1 >= before.MacroF1 - MacroF1Tolerance;
        return new RetrainingDecision(before, after, slice.Count, correctionsSlice.Count, promote);
    }

    /// <summary>The model to save: trained on every base row and every correction (weighted).</summary>
    public MlTextClassifier TrainAll(IReadOnlyList<LabelledText> baseRows, IReadOnlyList<LabelledText> corrections, CancellationToken cancellationToken = default) =>
        new TextClassifierTrainer(Options).Train(Weighted(baseRows, corrections), cancellationToken);

    private IEnumerable<LabelledText> Weighted(IEnumerable<LabelledText> baseRows, IReadOnlyList<LabelledText> corrections) =>
        baseRows.Concat(Enumerable.Repeat(corrections, CorrectionWeight).SelectMany(static c => c));

    // Per label, so a small label is in the slice too; at least one row of every label with two or more rows.
    private (List<LabelledText> Kept, List<LabelledText> Slice) Split(IReadOnlyList<LabelledText> rows, Random random)
    {
        var kept = new List<LabelledText>();
        var slice = new List<LabelledText>();
        foreach (var group in rows.GroupBy(static r => r.Label, StringComparer.Ordinal).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            var items = group.ToArray();
            random.Shuffle(items);
            var take = items.Length < 2 ? 0 : Math.Max(1, (int)Math.Round(items.Length * sliceShare));
            slice.AddRange(items.Take(take));
            kept.AddRange(items.Skip(take));
        }

        return (kept, slice);
    }
}
