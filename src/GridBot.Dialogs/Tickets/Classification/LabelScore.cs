namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>One label and its probability.</summary>
public readonly record struct LabelScore(string Label, float Score);
