using System.Text.Json;
using System.Text.Json.Nodes;
using GridBot.Host.Channels.WeCom.Crypto;
using GridBot.Host.Import;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// A 智能机器人 group text message from a micro-grid's group, sealed as WeCom sends it: the query string (signature,
    /// timestamp, nonce) and the JSON body.
    /// </summary>
    public static (string Query, string Body) AiBotCallback(
        WeComCrypto crypto, string msgid, int microGrid, string userId, string text, string timestamp, string nonce, string responseUrl)
    {
        var plain = new JsonObject
        {
            ["msgid"] = msgid,
            ["aibotid"] = "aib-bench",
            ["chatid"] = ChatId(microGrid),
            ["chattype"] = "group",
            ["from"] = new JsonObject { ["userid"] = userId },
            ["response_url"] = responseUrl,
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = text },
        }.ToJsonString();
        var sealedMessage = crypto.Seal(plain, timestamp, nonce);
        return ($"?msg_signature={sealedMessage.MsgSignature}&timestamp={timestamp}&nonce={nonce}",
            new JsonObject { ["encrypt"] = sealedMessage.Encrypt }.ToJsonString());
    }

    /// <summary>Imports the district and its WeCom groups through the real importer into the bot's database.</summary>
    public static async Task ImportDistrictAsync(IServiceProvider services, string folder, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>()
            .ImportAsync([DistrictData.Write(folder), Write(folder)], cancellationToken);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException(report.Describe());
        }
    }
}
