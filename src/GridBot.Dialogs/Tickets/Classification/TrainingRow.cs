namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>ML.NET row for training: normalised text, its words (empty without word features) and its label.</summary>
internal sealed class TrainingRow
{
    public string Text { get; set; } = string.Empty;

    public string Words { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}
