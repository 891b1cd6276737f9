namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>One training or evaluation example.</summary>
public readonly record struct LabelledText(string Text, string Label);
