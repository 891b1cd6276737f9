using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Trains an <see cref="MlTextClassifier"/> for any label set.</summary>
public sealed class TextClassifierTrainer
{
    public TextClassifierTrainer(TextClassifierOptions? options = null)
    {
        Options = options ?? TextClassifierOptions.Default;
        if (Options.CharNgramLength is < 1 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.CharNgramLength, "CharNgramLength must be 1–6.");
        }
    }

    public TextClassifierOptions Options { get; }

    public MlTextClassifier Train(IEnumerable<(string Text, string Label)> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return Train(examples.Select(static e => new LabelledText(e.Text, e.Label)), cancellationToken);
    }

    /// <summary>Reads a labelled CSV (see <see cref="CsvLabelledReader"/>) and trains on it.</summary>
    /// <exception cref="CsvFormatException">The file has bad rows; the message lists their line numbers.</exception>
    public MlTextClassifier TrainFromCsv(
        string path, string textColumn = "text", string labelColumn = "label", CancellationToken cancellationToken = default)
    {
        var rows = new CsvLabelledReader(textColumn, labelColumn).Read(path).ThrowIfInvalid().Rows;
        return Train(rows, cancellationToken);
    }

    /// <summary>Trains on the given examples.</summary>
    /// <remarks>CPU-bound and synchronous: callers that must not block should wrap it in Task.Run.
    /// Cancellation is checked while preparing the rows and before and after the ML.NET fit.</remarks>
    public MlTextClassifier Train(IEnumerable<LabelledText> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var normalization = Options.Normalization;
        var rows = new List<TrainingRow>();
        foreach (var example in examples)
        {
            if ((rows.Count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (string.IsNullOrWhiteSpace(example.Label))
            {
                throw new ArgumentException($"Example {rows.Count + 1} has no label.", nameof(examples));
            }

            rows.Add(new TrainingRow
            {
                Text = TextNormalizer.Normalize(example.Text ?? string.Empty, normalization),
                Label = example.Label.Trim(),
            });
        }

        var labelCount = rows.Select(static r => r.Label).Distinct(StringComparer.Ordinal).Count();
        if (labelCount < 2)
        {
            throw new ArgumentException($"Need examples of at least two labels; got {labelCount}.", nameof(examples));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var mlContext = new MLContext(Options.Seed);
        var data = mlContext.Data.LoadFromEnumerable(rows);

        // The label→key map is fitted apart from the model, so the saved model needs only Text
        // at prediction time; the scorer still keeps the label names as its score slot names.
        // ByValue gives the same label order whatever order the training rows come in.
        var keyed = mlContext.Transforms.Conversion
            .MapValueToKey(nameof(TrainingRow.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data)
            .Transform(data);

        var pipeline = mlContext.Transforms.Text
            .FeaturizeText("Features", CreateFeaturizerOptions(), nameof(TrainingRow.Text))
            .AppendCacheCheckpoint(mlContext)
            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = nameof(TrainingRow.Label),
                    FeatureColumnName = "Features",
                    L2Regularization = Options.L2Regularization,
                    L1Regularization = 0f,
                    MaximumNumberOfIterations = Options.MaximumNumberOfIterations,
                    NumberOfThreads = Options.NumberOfThreads,
                }));

        // MLContext.CancelExecution lives in the Microsoft.ML.Experimental package; training
        // takes a second or two here, so checking around Fit is enough without another package.
        var model = pipeline.Fit(keyed);
        cancellationToken.ThrowIfCancellationRequested();
        var inputSchema = mlContext.Data.LoadFromEnumerable(Array.Empty<ModelInput>()).Schema;
        var metadata = new ModelMetadata
        {
            Normalization = normalization,
            CharNgramLength = Options.CharNgramLength,
            L2Regularization = Options.L2Regularization,
            TrainingRows = rows.Count,
            TrainedAt = DateTimeOffset.UtcNow,
        };
        return new MlTextClassifier(mlContext, model, inputSchema, metadata);
    }

    private TextFeaturizingEstimator.Options CreateFeaturizerOptions() => new()
    {
        // Chinese has no spaces: "words" split on whitespace are whole clauses, so word n-grams
        // only add noise. Character 1..N-grams stand in for a segmenter.
        WordFeatureExtractor = null,
        CharFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = Options.CharNgramLength,
            UseAllLengths = true,
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
        },
        // Our TextNormalizer already lower-cases; keep ML.NET from changing the text again.
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepDiacritics = true,
        KeepPunctuations = true,
        KeepNumbers = true,
        StopWordsRemoverOptions = null,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };
}
