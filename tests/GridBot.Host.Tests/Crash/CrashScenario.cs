using System.Globalization;
using System.Text.Json.Nodes;
using GridBot.Host.Tests.WeCom;

namespace GridBot.Host.Tests.Crash;

/// <summary>
/// What the crash test sends: residents' reports in AI-bot groups spread over the five grids of community C01, half of
/// them a second resident repeating a report of the round before in the same group (to be merged), and the robot groups
/// of community C02 that an announcement fans out to.
/// </summary>
internal static class CrashScenario
{
    public const int Callbacks = 5000;
    public const int AiGroups = 200;
    public const int RobotGroups = 300;
    public const string AiCommunity = "DEMO-S01-C01";
    public const string RobotCommunity = "DEMO-S01-C02";

    private static readonly string[] Templates =
    [
        "@网格小助手 {0}号楼电梯坏了困住人了",
        "@网格小助手 {0}号楼门口垃圾堆了好几天没人清理",
        "@网格小助手 {0}号楼消防通道被车堵了",
        "@网格小助手 {0}号楼2单元楼道灯坏了好几天了",
    ];

    public static string Msgid(int i) => $"crash-msg-{i:0000}";

    /// <summary>One resident per callback, so each callback's ticket or merge is the reporter row of its user.</summary>
    public static string UserId(int i) => $"crash-u{i:0000}";

    public static string AiGroup(int g) => $"wrkCrashAi{g:000}";

    public static string RobotKey(int j) => $"crash-robot-{j:000}";

    public static JsonObject Chats()
    {
        var chats = new JsonArray();
        for (var g = 0; g < AiGroups; g++)
        {
            chats.Add(new JsonObject { ["channel"] = "wecom", ["chatId"] = AiGroup(g), ["grid"] = $"{AiCommunity}-G0{(g % 5) + 1}", ["name"] = $"居民群{g}" });
        }

        for (var j = 0; j < RobotGroups; j++)
        {
            chats.Add(new JsonObject
            {
                ["channel"] = "wecom", ["chatId"] = $"wrkCrashBot{j:000}", ["grid"] = $"{RobotCommunity}-G0{(j % 3) + 1}", ["name"] = $"楼栋群{j}", ["webhookKey"] = RobotKey(j),
            });
        }

        return new JsonObject { ["chats"] = chats };
    }

    /// <summary>
    /// Callback i goes to group i % 200 in round i / 200. An even round's reports are all different (building 100-224,
    /// three digits so no place contains another); an odd round repeats the round before, group by group.
    /// </summary>
    public static JsonObject Callback(int i, Uri fakeWeCom)
    {
        var (round, group) = Math.DivRem(i, AiGroups);
        var report = ((round / 2) * AiGroups) + group;
        var text = string.Format(CultureInfo.InvariantCulture, Templates[report / 5 % Templates.Length], 100 + (report / 20));
        var message = WeComSimulator.GroupText(Msgid(i), AiGroup(group), UserId(i), text);
        message["response_url"] = new Uri(fakeWeCom, $"cgi-bin/aibot/response?response_code={Msgid(i)}").ToString();
        return message;
    }
}
