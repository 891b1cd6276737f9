using GridBot.Dialogs.Announcements;

namespace GridBot.Dialogs.Digests;

/// <summary>An announcement of the period that asked for 回执: its rate over the scope, and each reached grid's (lowest first).</summary>
public sealed record DigestAnnouncementLine(int Number, string Title, DateTime PublishedUtc, int Known, int Acknowledged, double? Rate, IReadOnlyList<GridAckRate> Grids);
