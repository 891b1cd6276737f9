namespace GridBot.Store.Grids;

public static class MemberRoleExtensions
{
    /// <summary>Grid workers and everyone above them handle tickets; residents and liaisons report them.</summary>
    public static bool IsStaff(this MemberRole role) => role >= MemberRole.Worker;
}
