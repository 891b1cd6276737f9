namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>GridBot's own facts about a model, stored as a JSON entry inside the model zip next
/// to ML.NET's entries, so normalisation, segmentation and calibration can never drift from the weights.</summary>
internal sealed record ModelMetadata
{
    public const string EntryName = "GridBot/classifier.json";

    /// <summary>2 added word features, the learner and the calibration temperature; a format-1 file reads as a
    /// character-only maximum-entropy model with temperature 1, which is what it is.</summary>
    public const int CurrentFormatVersion = 2;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public TextNormalizationOptions Normalization { get; init; } = TextNormalizationOptions.Default;

    public IReadOnlyList<string> Labels { get; init; } = [];

    public int CharNgramLength { get; init; }

    public int WordNgramLength { get; init; }

    public LinearLearner Learner { get; init; } = LinearLearner.MaximumEntropy;

    public float L2Regularization { get; init; }

    public double Temperature { get; init; } = 1;

    public int TrainingRows { get; init; }

    public DateTimeOffset TrainedAt { get; init; }

    /// <summary>The cross-validation table that chose this setting, when <c>classifier train</c> made it.</summary>
    public string? Selection { get; init; }
}
