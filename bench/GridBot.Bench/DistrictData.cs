using System.Text.Json;

namespace GridBot.Bench;

/// <summary>
/// The district of DOMAIN.md as an import file: 8 streets, 104 communities, 685 grids, 2,009 micro-grids,
/// one group chat per micro-grid.
/// </summary>
internal static class DistrictData
{
    public const int MicroGrids = 2009;

    public static string Write(string folder)
    {
        var grids = new List<object> { new { code = "D", name = "基准区", level = "District", parent = (string?)null } };
        var chats = new List<object>();
        var members = new List<object>();
        var microParents = new List<string>();
        for (var s = 0; s < 8; s++)
        {
            grids.Add(new { code = $"D-S{s}", name = $"第{s + 1}街道", level = "Street", parent = "D" });
        }

        for (var c = 0; c < 104; c++)
        {
            grids.Add(new { code = $"D-S{c % 8}-C{c}", name = $"第{c + 1}社区", level = "Community", parent = $"D-S{c % 8}" });
        }

        for (var g = 0; g < 685; g++)
        {
            var community = g % 104;
            var code = $"D-S{community % 8}-C{community}-G{g}";
            grids.Add(new { code, name = $"第{g + 1}网格", level = "Grid", parent = $"D-S{community % 8}-C{community}" });
            members.Add(new { channel = "demo", userId = $"leader-{g}", name = $"网格长{g}", grid = code, role = "Leader" });
            microParents.Add(code);
        }

        for (var m = 0; m < MicroGrids; m++)
        {
            var code = $"{microParents[m % 685]}-M{m}";
            grids.Add(new { code, name = $"第{m + 1}微网格", level = "MicroGrid", parent = microParents[m % 685] });
            chats.Add(new { channel = "demo", chatId = $"bench-{m}", grid = code, name = $"第{m + 1}微网格群" });
        }

        var path = Path.Combine(folder, "district.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { grids, chats, members }));
        return path;
    }
}
