namespace GridBot.Store.Grids;

public static class MemberRoleExtensions
{
    /// <summary>
    /// For database queries: roles are stored by name, so "Role >= Worker" in SQL would compare strings.
    /// </summary>
    public static readonly MemberRole[] StaffRoles = Enum.GetValues<MemberRole>().Where(IsStaff).ToArray();

    /// <summary>Grid workers and everyone above them handle tickets; residents and liaisons report them.</summary>
    public static bool IsStaff(this MemberRole role) => role >= MemberRole.Worker;
}
