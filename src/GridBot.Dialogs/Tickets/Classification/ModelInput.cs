namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>ML.NET row for prediction: the normalised text and its words (empty for a model without word features).</summary>
internal sealed class ModelInput
{
    public string Text { get; set; } = string.Empty;

    public string Words { get; set; } = string.Empty;
}
