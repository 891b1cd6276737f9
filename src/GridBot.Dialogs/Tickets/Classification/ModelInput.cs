namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>ML.NET row for prediction: only the (already normalised) text.</summary>
internal sealed class ModelInput
{
    public string Text { get; set; } = string.Empty;
}
