using GridBot.Store.Grids;
using GridBot.Store;

namespace GridBot.Dialogs.Identity;

/// <summary>
/// Who is speaking and where: the grid the conversation belongs to, the person's strongest role there,
/// and the grid subtree their role covers (a community staff member covers every grid below the community).
/// </summary>
public sealed record TurnIdentity(
    string Channel,
    string UserId,
    string Name,
    MemberRole Role,
    Member? Member,
    Grid Grid,
    Grid ScopeGrid,
    Chat? Chat)
{
    public bool IsStaff => Role.IsStaff();

    /// <summary>What the speaker may see: <see cref="ScopeGrid"/> and everything below it.</summary>
    public GridScope Scope => GridScope.Of(ScopeGrid);

    public bool IsGroup => Chat is not null;
}
