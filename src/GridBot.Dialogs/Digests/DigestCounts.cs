namespace GridBot.Dialogs.Digests;

/// <summary>
/// New and closed in the period; open and overdue at its end; the rates over what closed in it; the residents' urges
/// (催办, a KPI in 12345 practice) and withdrawals (撤回: not closed by staff, so not in <see cref="Closed"/>) in it.
/// </summary>
public sealed record DigestCounts(
    int New,
    int Closed,
    int Open,
    int Overdue,
    int ClosedOnTime,
    int Rated,
    int Satisfied,
    int Urges,
    int Withdrawn)
{
    public static readonly DigestCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Share of closed tickets resolved by their deadline; null when nothing closed.</summary>
    public double? OnTimeRate => Closed == 0 ? null : Math.Round((double)ClosedOnTime / Closed, 4);

    /// <summary>Satisfied and basically satisfied over rated; null when nothing was rated.</summary>
    public double? SatisfactionRate => Rated == 0 ? null : Math.Round((double)Satisfied / Rated, 4);

    public DigestCounts Plus(DigestCounts other) => new(
        New + other.New, Closed + other.Closed, Open + other.Open, Overdue + other.Overdue,
        ClosedOnTime + other.ClosedOnTime, Rated + other.Rated, Satisfied + other.Satisfied, Urges + other.Urges, Withdrawn + other.Withdrawn);
}
