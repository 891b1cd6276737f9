namespace GridBot.Dialogs.Digests;

/// <summary>
/// A community's or street's digest for one period: the same object goes to the chats as text, to
/// <c>GET /api/digests</c> as JSON and to the <c>digest</c> command line verb. The counts, rates and rankings are
/// work on the clock (投诉/求助); <see cref="Appeals"/> counts every appeal type, questions and suggestions included.
/// </summary>
public sealed record DigestReport(
    string Scope,
    string ScopeName,
    DigestPeriod Period,
    DateOnly From,
    DateOnly To,
    DigestCounts Totals,
    double? MedianHoursToAccept,
    double? MedianHoursToClose,
    IReadOnlyList<DigestGridLine> Grids,
    IReadOnlyList<DigestCategoryLine> Categories,
    IReadOnlyList<DigestOldTicket> OldestOpen,
    IReadOnlyList<DigestAnnouncementLine> Announcements,
    IReadOnlyList<DigestAppealLine> Appeals);
