namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>The classifier's guess for one message.</summary>
/// <param name="Label">The most likely label.</param>
/// <param name="Confidence">The probability of <paramref name="Label"/> (0–1).</param>
/// <param name="Scores">Every label with its probability, most likely first, so a grid leader
/// can be offered the runner-up when correcting the bot.</param>
public sealed record CategoryPrediction(string Label, float Confidence, IReadOnlyList<LabelScore> Scores);
