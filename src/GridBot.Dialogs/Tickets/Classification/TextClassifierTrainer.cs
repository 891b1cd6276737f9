using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Trains an <see cref="MlTextClassifier"/> for any label set with one fixed setting. To pick the setting
/// on the data itself, run <see cref="ModelSelector"/> first and train with its choice.</summary>
public sealed class TextClassifierTrainer
{
    internal const string LabelColumn = nameof(TrainingRow.Label);
    internal const string FeaturesColumn = "Features";

    public TextClassifierTrainer(TextClassifierOptions? options = null)
    {
        Options = options ?? TextClassifierOptions.Default;
        Options.Validate();
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
        var rows = Prepare(examples, Options.Normalization, Options.WordNgramLength > 0, cancellationToken);
        return Train(rows, cancellationToken);
    }

    /// <summary>Trains on rows already prepared with this setting's normalisation (and words, if it uses them).</summary>
    internal MlTextClassifier Train(List<TrainingRow> rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var mlContext = new MLContext(Options.Seed);
        var keyed = KeyLabels(mlContext, rows).Transform(mlContext.Data.LoadFromEnumerable(rows));
        var pipeline = CreateFeaturizer(mlContext, Options)
            .AppendCacheCheckpoint(mlContext)
            .Append(CreateLearner(mlContext, Options, rows.Count));

        // MLContext.CancelExecution lives in the Microsoft.ML.Experimental package; checking around Fit is enough.
        var model = pipeline.Fit(keyed);
        cancellationToken.ThrowIfCancellationRequested();
        var inputSchema = mlContext.Data.LoadFromEnumerable(Array.Empty<ModelInput>()).Schema;
        var metadata = new ModelMetadata
        {
            Normalization = Options.Normalization,
            CharNgramLength = Options.CharNgramLength,
            WordNgramLength = Options.WordNgramLength,
            Learner = Options.Learner,
            L2Regularization = Options.L2Regularization ?? 1f / rows.Count,
            Temperature = Options.Temperature,
            TrainingRows = rows.Count,
            TrainedAt = DateTimeOffset.UtcNow,
        };
        return new MlTextClassifier(mlContext, model, inputSchema, metadata);
    }

    /// <summary>Normalises (and, for word features, segments) every example once; checks the labels.</summary>
    internal static List<TrainingRow> Prepare(
        IEnumerable<LabelledText> examples, TextNormalizationOptions normalization, bool words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var rows = new List<TrainingRow>();
        foreach (var example in examples)
        {
            if ((rows.Count & 255) == 0)
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

        if (words)
        {
            // Segmentation is the slow part of preparing long messages; jieba's dictionary is read-only here.
            Parallel.ForEach(rows, new ParallelOptions { CancellationToken = cancellationToken }, static row => row.Words = ChineseWordSegmenter.Segment(row.Text));
        }

        var labelCount = rows.Select(static r => r.Label).Distinct(StringComparer.Ordinal).Count();
        if (labelCount < 2)
        {
            throw new ArgumentException($"Need examples of at least two labels; got {labelCount}.", nameof(examples));
        }

        return rows;
    }

    /// <summary>The label→key map, fitted apart from the model so the saved model needs only the text at prediction
    /// time; the scorer still keeps the label names as its score slot names. ByValue gives the same label order
    /// whatever order the rows come in.</summary>
    internal static ITransformer KeyLabels(MLContext mlContext, IEnumerable<TrainingRow> rows) =>
        mlContext.Transforms.Conversion
            .MapValueToKey(LabelColumn, keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(mlContext.Data.LoadFromEnumerable(rows));

    /// <summary>TF-IDF character n-grams of the text, beside TF-IDF word n-grams of its segmentation when asked for;
    /// each block L2-normalised on its own so neither drowns the other.</summary>
    internal static IEstimator<ITransformer> CreateFeaturizer(MLContext mlContext, TextClassifierOptions options)
    {
        var characters = mlContext.Transforms.Text.FeaturizeText(
            options.WordNgramLength > 0 ? "CharFeatures" : FeaturesColumn,
            FeaturizerOptions(charNgramLength: options.CharNgramLength, wordNgramLength: 0),
            nameof(TrainingRow.Text));
        if (options.WordNgramLength == 0)
        {
            return characters;
        }

        return characters
            .Append(mlContext.Transforms.Text.FeaturizeText(
                "WordFeatures", FeaturizerOptions(charNgramLength: 0, wordNgramLength: options.WordNgramLength), nameof(TrainingRow.Words)))
            .Append(mlContext.Transforms.Concatenate(FeaturesColumn, "CharFeatures", "WordFeatures"));
    }

    internal static IEstimator<ITransformer> CreateLearner(MLContext mlContext, TextClassifierOptions options, int rowCount)
    {
        var l2 = options.L2Regularization ?? 1f / Math.Max(1, rowCount);
        if (options.Learner == LinearLearner.Hinge)
        {
            return mlContext.MulticlassClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedMulticlassTrainer.Options
            {
                LabelColumnName = LabelColumn,
                FeatureColumnName = FeaturesColumn,
                Loss = new HingeLoss(),
                L2Regularization = l2,
                L1Regularization = 0f,
                MaximumNumberOfIterations = options.MaximumNumberOfIterations,
                NumberOfThreads = options.NumberOfThreads,
            });
        }

        return mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = LabelColumn,
            FeatureColumnName = FeaturesColumn,
            L2Regularization = l2,
            L1Regularization = 0f,
            MaximumNumberOfIterations = options.MaximumNumberOfIterations,
            NumberOfThreads = options.NumberOfThreads,
        });
    }

    private static TextFeaturizingEstimator.Options FeaturizerOptions(int charNgramLength, int wordNgramLength) => new()
    {
        // Words come from jieba (space-separated in the Words column); whitespace-split "words" of raw Chinese are
        // whole clauses, so the Text column only gives character n-grams.
        WordFeatureExtractor = wordNgramLength == 0 ? null : new WordBagEstimator.Options
        {
            NgramLength = wordNgramLength,
            UseAllLengths = true,
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
        },
        CharFeatureExtractor = charNgramLength == 0 ? null : new WordBagEstimator.Options
        {
            NgramLength = charNgramLength,
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
