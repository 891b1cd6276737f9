using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridBot.FakeWeCom;

namespace GridBot.Host.Tests.WeCom.LongConnection;

/// <summary>The fake's long-connection control API (/_fake/aibot/…) and its frame records, for the tests.</summary>
internal static class FakeAiBotControl
{
    public const string BotId = "fakebot0000000001";
    public const string Secret = "fake-aibot-secret";

    public static string WsUrl(this FakeWeCom fake) => $"ws://{fake.Address.Authority}/";

    /// <summary>GridBot's settings for the long connection to this fake, with short timings so a test takes seconds.</summary>
    public static string[] LongConnectionSettings(this FakeWeCom fake, params string[] more) =>
    [
        fake.ApiBaseSetting,
        "--WeCom:AiBot:Mode=LongConnection", $"--WeCom:AiBot:BotId={BotId}", $"--WeCom:AiBot:Secret={Secret}",
        $"--WeCom:AiBot:LongConnection:Url={fake.WsUrl()}",
        // The keyword understander: the trained classifier's first use takes seconds of CPU on a shared 2-core machine.
        "--Classifier:Enabled=false",
        "--WeCom:AiBot:LongConnection:HeartbeatInterval=00:00:02",
        "--WeCom:AiBot:LongConnection:ReconnectDelay=00:00:00.100", "--WeCom:AiBot:LongConnection:ReconnectMaxDelay=00:00:00.400",
        "--WeCom:AiBot:LongConnection:AckTimeout=00:00:01",
        "--WeCom:AiBot:LongConnection:LeaseDuration=00:00:02", "--WeCom:AiBot:LongConnection:LeaseRenewInterval=00:00:00.300",
        .. more,
    ];

    /// <returns>The req_id the fake gave the callback.</returns>
    public static async Task<string> PushAsync(this FakeWeCom fake, JsonObject body, CancellationToken cancellationToken, string cmd = "aibot_msg_callback")
    {
        using var response = await fake.Http.PostAsJsonAsync("/_fake/aibot/callback", new JsonObject { ["cmd"] = cmd, ["body"] = body.DeepClone() }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["reqId"]!.GetValue<string>();
    }

    public static async Task FaultAsync(this FakeWeCom fake, FakeAiBotFaults faults, CancellationToken cancellationToken)
    {
        using var response = await fake.Http.PostAsJsonAsync("/_fake/aibot/faults", faults, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static async Task<JsonObject> AiBotStatsAsync(this FakeWeCom fake, CancellationToken cancellationToken) =>
        (await fake.Http.GetFromJsonAsync<JsonObject>("/_fake/aibot/stats", cancellationToken))!;

    /// <summary>Waits until a client is subscribed and the fake counts at least <paramref name="subscribes"/> subscribes.</summary>
    public static async Task WaitSubscribedAsync(this FakeWeCom fake, int subscribes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stats = await fake.AiBotStatsAsync(cancellationToken);
            if (stats["current"] is not null && stats["subscribes"]!.GetValue<int>() >= subscribes)
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Waits for the first record of <paramref name="api"/> (a cmd) for <paramref name="target"/> that matches.</summary>
    public static async Task<JsonObject> WaitRecordAsync(this FakeWeCom fake, string api, string target, Func<JsonObject, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = (await fake.RecordsAsync(api, cancellationToken)).FirstOrDefault(r => r["target"]!.GetValue<string>() == target && match(r));
            if (record is not null)
            {
                return record;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public static bool IsClosingStream(JsonObject record) => record["body"]?["stream"]?["finish"]?.GetValue<bool>() == true;

    public static string StreamContent(JsonObject record) => record["body"]!["stream"]!["content"]!.GetValue<string>();

    public static JsonObject GroupText(string msgid, string chatId, string userId, string content) => new()
    {
        ["msgid"] = msgid,
        ["aibotid"] = BotId,
        ["chatid"] = chatId,
        ["chattype"] = "group",
        ["from"] = new JsonObject { ["userid"] = userId },
        ["msgtype"] = "text",
        ["text"] = new JsonObject { ["content"] = content },
    };

    public static JsonObject SingleText(string msgid, string userId, string content) => new()
    {
        ["msgid"] = msgid,
        ["aibotid"] = BotId,
        ["chattype"] = "single",
        ["from"] = new JsonObject { ["userid"] = userId },
        ["msgtype"] = "text",
        ["text"] = new JsonObject { ["content"] = content },
    };

    public static JsonObject EnterChat(string msgid, string userId) => new()
    {
        ["msgid"] = msgid,
        ["aibotid"] = BotId,
        ["create_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["chattype"] = "single",
        ["from"] = new JsonObject { ["userid"] = userId },
        ["msgtype"] = "event",
        ["event"] = new JsonObject { ["eventtype"] = "enter_chat" },
    };

    public static async Task<JsonObject> ReadyAsync(HttpClient host, CancellationToken cancellationToken)
    {
        using var response = await host.GetAsync("/readyz", cancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
    }

    /// <summary>Waits until /readyz shows the long connection in <paramref name="state"/>.</summary>
    public static async Task<JsonObject> WaitStateAsync(HttpClient host, string state, CancellationToken cancellationToken)
    {
        while (true)
        {
            var ready = await ReadyAsync(host, cancellationToken);
            if (ready["wecomAiBot"]?["state"]?.GetValue<string>() == state)
            {
                return ready["wecomAiBot"]!.AsObject();
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
