using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Picks the feature set and regularisation on the user's own training file by stratified k-fold
/// cross-validation over a small fixed grid, fits the calibration temperature on the chosen setting's
/// out-of-fold scores, and trains the final model on all rows.</summary>
/// <remarks>Each fold's featurizer (vocabulary and IDF) is fitted on that fold's training part only and its
/// output cached, so the L2 values of one feature set share one featurisation per fold. Text is normalised and
/// segmented once for the whole file.</remarks>
public sealed class ModelSelector
{
    public ModelSelector(ModelSelectionOptions? options = null)
    {
        Options = options ?? ModelSelectionOptions.Default;
        Options.Validate();
    }

    public ModelSelectionOptions Options { get; }

    /// <summary>Cross-validates the grid, then trains the chosen setting on every row.</summary>
    public (MlTextClassifier Model, ModelSelectionResult Selection) SelectAndTrain(
        IReadOnlyList<LabelledText> examples, IProgress<ModelSelectionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var started = Stopwatch.GetTimestamp();
        var candidates = Candidates();
        var rows = TextClassifierTrainer.Prepare(examples, Options.Normalization, candidates.Any(static c => c.WordNgramLength > 0), cancellationToken);
        var selection = Select(rows, candidates, started, progress, cancellationToken);
        var model = new TextClassifierTrainer(selection.Chosen.Options).Train(rows, cancellationToken);
        return (model.WithSelection(selection.ToTable()), selection);
    }

    public ModelSelectionResult Select(
        IReadOnlyList<LabelledText> examples, IProgress<ModelSelectionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var started = Stopwatch.GetTimestamp();
        var candidates = Candidates();
        var rows = TextClassifierTrainer.Prepare(examples, Options.Normalization, candidates.Any(static c => c.WordNgramLength > 0), cancellationToken);
        return Select(rows, candidates, started, progress, cancellationToken);
    }

    private List<TextClassifierOptions> Candidates()
    {
        var candidates = Options.Candidates().ToList();
        if (Options.IncludeBaseline)
        {
            candidates.Add(TextClassifierOptions.Baseline with { Normalization = Options.Normalization, Seed = Options.Seed });
        }

        return candidates;
    }

    private ModelSelectionResult Select(
        List<TrainingRow> rows, List<TextClassifierOptions> candidates, long started, IProgress<ModelSelectionProgress>? progress, CancellationToken cancellationToken)
    {
        var folds = AssignFolds(rows.ConvertAll(static r => r.Label), Options.Folds, Options.Seed);
        var scores = candidates.Select(_ => new float[rows.Count][]).ToArray();
        var ticks = new long[candidates.Count];
        var labelSets = new string[Options.Folds * candidates.Count][];
        var featureSets = candidates.GroupBy(static c => (c.CharNgramLength, c.WordNgramLength)).Select(static g => g.ToList()).ToList();
        var total = (featureSets.Count + candidates.Count) * Options.Folds;
        var done = 0;
        var work = featureSets.SelectMany(set => Enumerable.Range(0, Options.Folds).Select(fold => (Set: set, Fold: fold))).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(work, parallel, item =>
        {
            // One MLContext per work item: the fits share nothing, so the order they run in changes no figure.
            var mlContext = new MLContext(Options.Seed + item.Fold);
            var keyMap = TextClassifierTrainer.KeyLabels(mlContext, rows);
            var trainRows = rows.Where((_, i) => folds[i] != item.Fold).ToList();
            var testIndices = Enumerable.Range(0, rows.Count).Where(i => folds[i] == item.Fold).ToArray();
            var features = item.Set[0];
            var trainView = keyMap.Transform(mlContext.Data.LoadFromEnumerable(trainRows));
            var testView = keyMap.Transform(mlContext.Data.LoadFromEnumerable(testIndices.Select(i => rows[i])));
            var featurizer = TextClassifierTrainer.CreateFeaturizer(mlContext, features).Fit(trainView);
            var trainFeatures = mlContext.Data.Cache(featurizer.Transform(trainView));
            var testFeatures = mlContext.Data.Cache(featurizer.Transform(testView));
            progress?.Report(new ModelSelectionProgress(Interlocked.Increment(ref done), total, $"{Features(features)}: fold {item.Fold + 1}"));

            foreach (var candidate in item.Set)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var c = candidates.IndexOf(candidate);
                var fitStarted = Stopwatch.GetTimestamp();
                var learner = TextClassifierTrainer.CreateLearner(mlContext, candidate, trainRows.Count).Fit(trainFeatures);
                var scored = learner.Transform(testFeatures);
                labelSets[(item.Fold * candidates.Count) + c] = MlTextClassifier.ReadSlotNames(scored.Schema);
                var k = 0;
                foreach (var row in mlContext.Data.CreateEnumerable<ScoreRow>(scored, reuseRowObject: false))
                {
                    scores[c][testIndices[k++]] = row.Score;
                }

                Interlocked.Add(ref ticks[c], Stopwatch.GetTimestamp() - fitStarted);
                progress?.Report(new ModelSelectionProgress(Interlocked.Increment(ref done), total, $"{candidate.Describe()}: fold {item.Fold + 1}"));
            }
        });

        progress?.Report(new ModelSelectionProgress(total, total, "done"));
        // Every fold's key map is fitted on all rows, so every fold has the same score order; check rather than trust.
        var labelNames = labelSets[0];
        if (labelSets.Any(l => !l.SequenceEqual(labelNames, StringComparer.Ordinal)))
        {
            throw new InvalidOperationException("Folds disagree on the label order.");
        }

        var labelIndex = labelNames.Select((label, i) => (label, i)).ToDictionary(static x => x.label, static x => x.i, StringComparer.Ordinal);
        var truth = rows.Select(r => labelIndex[r.Label]).ToArray();
        var results = candidates.Select((candidate, c) => Score(candidate, scores[c], truth, labelNames, Stopwatch.GetElapsedTime(0, ticks[c]).TotalSeconds, c >= Options.Candidates().Count)).ToList();
        var chosen = results.Where(static r => !r.IsBaseline)
            .OrderByDescending(static r => Math.Round(r.MacroF1, 3))
            .ThenByDescending(static r => Math.Round(r.Accuracy, 3))
            .First();
        return new ModelSelectionResult(results, chosen, rows.Count, Options.Folds, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Fold of each row, stratified: each label's rows are shuffled (fixed seed) and dealt round the folds.</summary>
    public static int[] AssignFolds(IReadOnlyList<string> labels, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[labels.Count];
        var next = 0;
        foreach (var group in labels.Select((label, i) => (Label: label, i)).GroupBy(static x => x.Label, StringComparer.Ordinal).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            var indices = group.Select(static x => x.i).ToArray();
            random.Shuffle(indices);
            foreach (var i in indices)
            {
                // Carry the position across labels so small classes do not all start in fold 0.
                assignment[i] = next++ % folds;
            }
        }

        return assignment;
    }

    private static CandidateResult Score(
        TextClassifierOptions candidate, float[][] scores, int[] truth, string[] labels, double seconds, bool isBaseline)
    {
        var temperature = ScoreCalibration.FitTemperature(scores, truth, candidate.Learner);
        var probabilities = new double[labels.Length];
        var raw = new List<(string, string, double)>(scores.Length);
        var calibrated = new List<(string, string, double)>(scores.Length);
        for (var i = 0; i < scores.Length; i++)
        {
            var best = 0;
            for (var k = 1; k < labels.Length; k++)
            {
                best = scores[i][k] > scores[i][best] ? k : best;
            }

            ScoreCalibration.ToProbabilities(scores[i], candidate.Learner, 1, probabilities);
            raw.Add((labels[truth[i]], labels[best], probabilities[best]));
            ScoreCalibration.ToProbabilities(scores[i], candidate.Learner, temperature, probabilities);
            calibrated.Add((labels[truth[i]], labels[best], probabilities[best]));
        }

        var before = ClassifierEvaluation.Compute(raw, labels);
        var after = ClassifierEvaluation.Compute(calibrated, labels);
        return new CandidateResult(
            candidate with { Temperature = temperature },
            after.Accuracy,
            after.MacroF1,
            ScoreCalibration.LogLoss(scores, truth, candidate.Learner, temperature),
            (before.ExpectedCalibrationError ?? 0, after.ExpectedCalibrationError ?? 0),
            seconds,
            isBaseline);
    }

    private static string Features(TextClassifierOptions o) =>
        o.WordNgramLength > 0 ? $"char 1–{o.CharNgramLength} + word 1–{o.WordNgramLength}" : $"char 1–{o.CharNgramLength}";

    private sealed class ScoreRow
    {
        [VectorType]
        public float[] Score { get; set; } = [];
    }
}
