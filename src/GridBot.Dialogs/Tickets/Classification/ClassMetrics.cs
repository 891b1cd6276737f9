namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Precision, recall and F1 of one label; <see cref="Support"/> is its count in the truth.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
