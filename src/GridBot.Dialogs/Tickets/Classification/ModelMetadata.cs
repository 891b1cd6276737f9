namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>GridBot's own facts about a model, stored as a JSON entry inside the model zip next
/// to ML.NET's entries, so normalisation settings can never drift from the weights.</summary>
internal sealed record ModelMetadata
{
    public const string EntryName = "GridBot/classifier.json";
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public TextNormalizationOptions Normalization { get; init; } = TextNormalizationOptions.Default;

    public IReadOnlyList<string> Labels { get; init; } = [];

    public int CharNgramLength { get; init; }

    public float L2Regularization { get; init; }

    public int TrainingRows { get; init; }

    public DateTimeOffset TrainedAt { get; init; }
}
