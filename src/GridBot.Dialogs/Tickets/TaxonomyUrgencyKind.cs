namespace GridBot.Dialogs.Tickets;

/// <summary>
/// One kind of danger (火情, 燃气, 被困…) and the words that tell of it. The kind tells a second report of the same
/// emergency from another emergency; a generic kind ("救命") says that it is urgent, not what, so it tells nothing apart.
/// </summary>
public sealed record TaxonomyUrgencyKind(string Name, IReadOnlyList<string> Keywords, bool Generic = false);
