using System.Text.Json.Serialization;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// What makes a report urgent: its keywords, grouped by the kind of danger they tell of. A file written before the
/// kinds (one flat <c>urgency.keywords</c> list) still loads: <see cref="TaxonomyUrgencyKinds.FromFlat"/> sorts its
/// words into kinds at load.
/// </summary>
public sealed record TaxonomyUrgency(
    double DeadlineHours,
    IReadOnlyList<TaxonomyUrgencyKind> Kinds,
    [property: JsonPropertyName("keywords")] IReadOnlyList<string>? FlatKeywords = null)
{
    [JsonIgnore]
    public IEnumerable<string> Keywords => Kinds.SelectMany(k => k.Keywords);
}
