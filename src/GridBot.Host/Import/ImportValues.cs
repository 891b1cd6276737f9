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
        ["居民"] = MemberRole.Resident, ["群众"] = MemberRole.Resident, ["住户"] = MemberRole.Resident, ["业主"] = MemberRole.Resident,
        ["联户长"] = MemberRole.Liaison, ["楼栋长"] = MemberRole.Liaison, ["楼长"] = MemberRole.Liaison, ["单元长"] = MemberRole.Liaison,
        ["网格员"] = MemberRole.Worker, ["专职网格员"] = MemberRole.Worker, ["兼职网格员"] = MemberRole.Worker, ["网格管理员"] = MemberRole.Worker,
        ["网格长"] = MemberRole.Leader,
        ["网格指导员"] = MemberRole.Instructor, ["指导员"] = MemberRole.Instructor,
        ["社区工作人员"] = MemberRole.CommunityStaff, ["社区"] = MemberRole.CommunityStaff,
        ["街道工作人员"] = MemberRole.StreetStaff, ["街道"] = MemberRole.StreetStaff,
    });

    // Words that name a job only together with the level of the member's grid: "工作人员" of a street is street staff,
    // of a community community staff, of a grid its worker; 书记 and 主任 lead a community or a street, but at grid
    // level they could be the leader or the instructor, so there they are refused with the words that are clear.
    private static readonly FrozenSet<string> StaffWords = new[] { "staff", "工作人员", "干部", "社工" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> HeadWords = new[] { "书记", "主任", "党支部书记", "党委书记", "居委会主任", "村主任", "副书记", "副主任" }.ToFrozenSet(StringComparer.Ordinal);

    public const string LevelHint = "区、街道、社区、网格、微网格、专属网格，或 District、Street、Community、Grid、MicroGrid、Dedicated";

    public const string RoleHint = "居民、联户长、网格员、网格长、网格指导员、社区工作人员、街道工作人员，按所在网格层级理解的 工作人员 / staff、书记、主任，或 Resident、Liaison、Worker、Leader、Instructor、CommunityStaff、StreetStaff";

    public static bool TryLevel(string text, out GridLevel level) => Levels.TryGetValue(text.Trim(), out level);

    /// <summary>The role a spreadsheet's word means for a member of a grid at <paramref name="level"/>.</summary>
    /// <param name="level">The member's grid level; null when the grid is unknown (that error is reported on its own).</param>
    /// <param name="refusal">Why a word that depends on the level is not clear here, in Chinese; null otherwise.</param>
    public static bool TryRole(string text, GridLevel? level, out MemberRole role, out string? refusal)
    {
        var word = text.Trim();
        refusal = null;
        if (Roles.TryGetValue(word, out role))
        {
            return true;
        }

        var staff = StaffWords.Contains(word);
        if (!staff && !HeadWords.Contains(word))
        {
            return false;
        }

        MemberRole? resolved = level switch
        {
            GridLevel.Street => MemberRole.StreetStaff,
            GridLevel.Community => MemberRole.CommunityStaff,
            GridLevel.Grid or GridLevel.MicroGrid or GridLevel.Dedicated when staff => MemberRole.Worker,
            _ => null,
        };
        if (resolved is { } known)
        {
            role = known;
            return true;
        }

        refusal = level is null
            ? $"角色 '{word}' 要看所在网格的层级才能确定，但该网格未知"
            : $"角色 '{word}' 在{LevelName(level.Value)}一级含义不明：请写 网格长、网格员 或 网格指导员";
        return false;
    }

    private static string LevelName(GridLevel level) => level switch
    {
        GridLevel.District => "区",
        GridLevel.Street => "街道",
        GridLevel.Community => "社区",
        GridLevel.Grid => "网格",
        GridLevel.MicroGrid => "微网格",
        _ => "专属网格",
    };

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
