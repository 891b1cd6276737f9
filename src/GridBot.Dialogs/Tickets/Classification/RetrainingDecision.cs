namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>The previous model and the retrained candidate on the same held-out slice, and whether to promote.</summary>
public sealed record RetrainingDecision(
    ClassifierEvaluation Previous, ClassifierEvaluation Candidate, int SliceRows, int SliceCorrections, bool Promote);
