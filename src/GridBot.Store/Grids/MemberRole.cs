namespace GridBot.Store.Grids;

/// <summary>What a person is in a grid. Order matters: staff roles come after <see cref="Liaison"/>.</summary>
public enum MemberRole
{
    Resident,
    Liaison,
    Worker,
    Leader,
    Instructor,
    CommunityStaff,
    StreetStaff,
}
