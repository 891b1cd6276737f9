using System.Text.Json;

namespace GridBot.Bench;

/// <summary>The district's 2,009 micro-grids bound on channel "wecom" too, each group with its own robot key.</summary>
internal static class WeComBenchData
{
    public static string ChatId(int microGrid) => $"wrk-bench-{microGrid}";

    public static string RobotKey(int microGrid) => $"bench-robot-{microGrid:0000}";

    public static string Write(string folder)
    {
        var chats = Enumerable.Range(0, DistrictData.MicroGrids).Select(m =>
        {
            // The same micro-grid codes DistrictData writes.
            var g = m % 685;
            var community = g % 104;
            var code = $"D-S{community % 8}-C{community}-G{g}-M{m}";
            return new { channel = "wecom", chatId = ChatId(m), grid = code, name = $"第{m + 1}微网格工作群", webhookKey = RobotKey(m) };
        }).ToList();
        var path = Path.Combine(folder, "wecom-chats.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { chats }));
        return path;
    }
}
