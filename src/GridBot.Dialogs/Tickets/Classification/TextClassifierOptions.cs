namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Training settings: one point of the model-selection grid. <see cref="Default"/> is the default model's
/// (short chat messages, see Data/README.md); <c>classifier train</c> picks its own by cross-validation
/// (<see cref="ModelSelector"/>).</summary>
public sealed record TextClassifierOptions
{
    public TextNormalizationOptions Normalization { get; init; } = TextNormalizationOptions.Default;

    /// <summary>Longest character n-gram; all shorter lengths are included too.</summary>
    public int CharNgramLength { get; init; } = 2;

    /// <summary>Longest word n-gram over jieba's segmentation (all shorter lengths too); 0 = no word features.</summary>
    public int WordNgramLength { get; init; }

    public LinearLearner Learner { get; init; } = LinearLearner.MaximumEntropy;

    /// <summary>SDCA L2 penalty; null = 1 / (number of training rows), the scale of a linear SVM with C = 1.
    /// ML.NET's automatic choice regularises far too much for sparse TF-IDF features of short texts.</summary>
    public float? L2Regularization { get; init; } = 3e-5f;

    /// <summary>Upper bound on SDCA passes over the data; it usually converges earlier.</summary>
    public int MaximumNumberOfIterations { get; init; } = 50;

    /// <summary>Softmax temperature applied to the model's logits at prediction (1 = as trained). Fitted on
    /// held-out folds by <see cref="ModelSelector"/>, so the confidences the thresholds use are calibrated.</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Seed for ML.NET; with one training thread the model is reproducible.</summary>
    public int Seed { get; init; } = 20251123;

    /// <summary>SDCA threads. One gives bit-for-bit reproducible models.</summary>
    public int? NumberOfThreads { get; init; } = 1;

    /// <summary>The default model's setting: what 5-fold cross-validation on the shipped <c>messages.train.csv</c>
    /// chose over character 1–5-grams with and without words × L2 1e-3…1e-5 (docs/UNDERSTANDING.md), with the
    /// temperature fitted on those folds. Fixed here because the host trains it at every start, where cross-validation
    /// would cost half a minute; a test refits the temperature on the shipped file.</summary>
    public static TextClassifierOptions Default { get; } = new() { Temperature = 0.46 };

    /// <summary>The plain baseline: TF-IDF character 1–2-grams and a linear SVM with C = 1.</summary>
    public static TextClassifierOptions Baseline { get; } = new()
    {
        CharNgramLength = 2,
        WordNgramLength = 0,
        Learner = LinearLearner.Hinge,
        L2Regularization = null,
    };

    /// <summary>A short name for tables: "char 1–3 + word 1–2, maxent, L2 1e-05".</summary>
    public string Describe()
    {
        var features = WordNgramLength > 0 ? $"char 1–{CharNgramLength} + word 1–{WordNgramLength}" : $"char 1–{CharNgramLength}";
        var learner = Learner == LinearLearner.Hinge ? "svm" : "maxent";
        var l2 = L2Regularization is { } value ? value.ToString("0e0", System.Globalization.CultureInfo.InvariantCulture) : "1/n";
        return $"{features}, {learner}, L2 {l2}";
    }

    internal void Validate()
    {
        if (CharNgramLength is < 1 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(CharNgramLength), CharNgramLength, "CharNgramLength must be 1–6.");
        }

        if (WordNgramLength is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(WordNgramLength), WordNgramLength, "WordNgramLength must be 0–3.");
        }

        if (L2Regularization is <= 0 || !(Temperature > 0) || double.IsInfinity(Temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(L2Regularization), "L2Regularization and Temperature must be positive.");
        }
    }
}
