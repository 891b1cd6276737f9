using System.Collections.Frozen;
using GridBot.Store.Grids;

namespace GridBot.Host.Import;

/// <summary>Levels and roles as staff write them: the enum's English name in any case, or the Chinese word.</summary>
internal static class ImportValues
{
    // Enum.TryParse is not used: it also accepts "3" and "Street, Grid", which would turn a typo into a real level.
    private static readonly FrozenDictionary<string, GridLevel> Levels = Named<GridLevel>(new()
    {
        ["区"] = GridLevel.District, ["区县"] = GridLevel.District, ["县"] = GridLevel.District,
        ["街道"] = GridLevel.Street, ["乡镇"] = GridLevel.Street, ["乡"] = GridLevel.Street, ["镇"] = GridLevel.Street,
        ["社区"] = GridLevel.Community, ["村"] = GridLevel.Community,
        ["网格"] = GridLevel.Grid,
        ["微网格"] = GridLevel.MicroGrid,
        ["专属网格"] = GridLevel.Dedicated,
    });

    private static readonly FrozenDictionary<string, MemberRole> Roles = Named<MemberRole>(new()
    {
        ["居民"] = MemberRole.Resident,
        ["联户长"] = MemberRole.Liaison, ["楼栋长"] = MemberRole.Liaison,
        ["网格员"] = MemberRole.Worker,
        ["网格长"] = MemberRole.Leader,
        ["网格指导员"] = MemberRole.Instructor,
        ["社区工作人员"] = MemberRole.CommunityStaff, ["社区"] = MemberRole.CommunityStaff,
        ["街道工作人员"] = MemberRole.StreetStaff, ["街道"] = MemberRole.StreetStaff,
    });

    public const string LevelHint = "区、街道、社区、网格、微网格、专属网格，或 District、Street、Community、Grid、MicroGrid、Dedicated";

    public const string RoleHint = "居民、联户长、网格员、网格长、网格指导员、社区工作人员、街道工作人员，或 Resident、Liaison、Worker、Leader、Instructor、CommunityStaff、StreetStaff";

    public static bool TryLevel(string text, out GridLevel level) => Levels.TryGetValue(text.Trim(), out level);

    public static bool TryRole(string text, out MemberRole role) => Roles.TryGetValue(text.Trim(), out role);

    private static FrozenDictionary<string, T> Named<T>(Dictionary<string, T> chinese)
        where T : struct, Enum
    {
        var all = new Dictionary<string, T>(chinese, StringComparer.OrdinalIgnoreCase);
        foreach (var value in Enum.GetValues<T>())
        {
            all[value.ToString()] = value;
        }

        return all.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
