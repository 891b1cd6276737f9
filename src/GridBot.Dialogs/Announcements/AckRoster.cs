namespace GridBot.Dialogs.Announcements;

/// <summary>Who acknowledged an announcement among the known members of one scope, by name (for 公告 回执).</summary>
public sealed record AckRoster(IReadOnlyList<string> Acknowledged, IReadOnlyList<string> Pending);
