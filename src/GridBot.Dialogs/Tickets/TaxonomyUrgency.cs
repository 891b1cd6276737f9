namespace GridBot.Dialogs.Tickets;

/// <summary>What makes a report urgent: its keywords, grouped by the kind of danger they tell of.</summary>
public sealed record TaxonomyUrgency(double DeadlineHours, IReadOnlyList<TaxonomyUrgencyKind> Kinds)
{
    public IEnumerable<string> Keywords => Kinds.SelectMany(k => k.Keywords);
}
