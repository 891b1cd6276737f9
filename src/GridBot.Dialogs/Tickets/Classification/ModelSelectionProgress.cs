namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>How far cross-validation is: <paramref name="Done"/> of <paramref name="Total"/> fits.</summary>
public sealed record ModelSelectionProgress(int Done, int Total, string Step);
