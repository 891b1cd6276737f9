namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>The small fixed grid <see cref="ModelSelector"/> searches, and how.</summary>
public sealed record ModelSelectionOptions
{
    /// <summary>Stratified folds over the training file.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the fold assignment and of ML.NET: the same file gives the same table and model.</summary>
    public int Seed { get; init; } = 20251123;

    /// <summary>Feature sets: (longest character n-gram, longest word n-gram; 0 = no words).</summary>
    public IReadOnlyList<(int Char, int Word)> FeatureSets { get; init; } = [(2, 0), (3, 0), (2, 2), (3, 2)];

    /// <summary>L2 penalties tried for each feature set (maximum entropy).</summary>
    /// <remarks>1e-5 never won on long messages and took three times as long to converge; the short-message default
    /// model's 3e-5 came from a wider grid (<see cref="TextClassifierOptions.Default"/>).</remarks>
    public IReadOnlyList<float> L2Regularizations { get; init; } = [1e-3f, 1e-4f];

    /// <summary>Folds × feature sets fitted at once; every fit is single-threaded and seeded, so the table is the
    /// same whatever this is.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Also cross-validate the plain baseline (<see cref="TextClassifierOptions.Baseline"/>) on the same
    /// folds, so the table shows what the chosen setting gains over it.</summary>
    public bool IncludeBaseline { get; init; } = true;

    public TextNormalizationOptions Normalization { get; init; } = TextNormalizationOptions.Default;

    public static ModelSelectionOptions Default { get; } = new();

    /// <summary>The grid in a fixed order: the order breaks ties (simpler settings come first).</summary>
    internal IReadOnlyList<TextClassifierOptions> Candidates() =>
        [.. FeatureSets.SelectMany(f => L2Regularizations.Select(l2 => new TextClassifierOptions
        {
            Normalization = Normalization,
            CharNgramLength = f.Char,
            WordNgramLength = f.Word,
            Learner = LinearLearner.MaximumEntropy,
            L2Regularization = l2,
            Seed = Seed,
        }))];

    internal void Validate()
    {
        if (Folds is < 2 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(Folds), Folds, "Folds must be 2–20.");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1.");
        }

        if (FeatureSets.Count == 0 || L2Regularizations.Count == 0)
        {
            throw new ArgumentException("The grid needs at least one feature set and one L2 value.");
        }
    }
}
