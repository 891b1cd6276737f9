using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// What the taxonomy's rules see in a message, before any model has its say. <see cref="Courtesy"/>: never a report
/// (a courtesy, a sticker, an advertisement), whatever a model thinks.
/// </summary>
public sealed record RuleSignals(
    bool Courtesy,
    TaxonomyCategory? KeywordCategory,
    bool Problem,
    bool Question,
    bool Urgent,
    double Confidence,
    AppealType AppealType = AppealType.Complaint);
