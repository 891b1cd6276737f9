using GridBot.Store.Grids;

namespace GridBot.Host.Endpoints;

internal static class RoleNames
{
    public static string Of(MemberRole role) => role switch
    {
        MemberRole.Resident => "居民",
        MemberRole.Liaison => "联户长",
        MemberRole.Worker => "网格员",
        MemberRole.Leader => "网格长",
        MemberRole.Instructor => "网格指导员",
        MemberRole.CommunityStaff => "社区工作人员",
        _ => "街道工作人员",
    };
}
