namespace GridBot.Dialogs.Tickets;

public sealed record TaxonomyEscalation(double CommunityDeadlineHours, double StreetDeadlineHours);
