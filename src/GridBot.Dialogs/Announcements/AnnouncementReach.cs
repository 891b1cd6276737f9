namespace GridBot.Dialogs.Announcements;

/// <summary>
/// Which chats an announcement reaches: every chat of every grid in its targets' subtrees, and the customer groups
/// bound there (by target subtree, nested targets folded into the outer one so no group gets it twice).
/// </summary>
public sealed record AnnouncementReach(IReadOnlyList<ReachedChat> Chats, IReadOnlyList<string> UnknownCodes, IReadOnlyList<ReachedGroupScope> GroupScopes)
{
    public int GridCount => Chats.Select(c => c.GridId).Distinct().Count();

    public int CustomerGroupCount => GroupScopes.Sum(s => s.Groups);
}
