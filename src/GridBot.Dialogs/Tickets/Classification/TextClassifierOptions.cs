namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Training settings. Defaults were measured on the GridBot messages data set
/// (see Data/README.md) and follow the stack notes for Chinese short texts.</summary>
public sealed record TextClassifierOptions
{
    public TextNormalizationOptions Normalization { get; init; } = TextNormalizationOptions.Default;

    /// <summary>Longest character n-gram; all shorter lengths are included too.</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>SDCA maximum-entropy L2 penalty. ML.NET's automatic choice regularises far too
    /// much for sparse TF-IDF features of short texts.</summary>
    public float L2Regularization { get; init; } = 1e-5f;

    /// <summary>Upper bound on SDCA passes over the data; it usually converges earlier.</summary>
    public int MaximumNumberOfIterations { get; init; } = 50;

    /// <summary>Seed for ML.NET; with one training thread the model is reproducible.</summary>
    public int Seed { get; init; } = 20251123;

    /// <summary>SDCA threads. One gives bit-for-bit reproducible models; at a few thousand
    /// messages training takes about a second either way.</summary>
    public int? NumberOfThreads { get; init; } = 1;

    public static TextClassifierOptions Default { get; } = new();
}
