namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>ML.NET output row: one probability per label, in the model's slot order.</summary>
internal sealed class ModelOutput
{
    public float[] Score { get; set; } = [];
}
