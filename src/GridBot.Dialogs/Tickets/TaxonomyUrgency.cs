namespace GridBot.Dialogs.Tickets;

public sealed record TaxonomyUrgency(double DeadlineHours, IReadOnlyList<string> Keywords);
