namespace GridBot.Dialogs.Announcements;

/// <summary>Which chats an announcement reaches: every chat of every grid in its targets' subtrees.</summary>
public sealed record AnnouncementReach(IReadOnlyList<ReachedChat> Chats, IReadOnlyList<string> UnknownCodes)
{
    public int GridCount => Chats.Select(c => c.GridId).Distinct().Count();
}
