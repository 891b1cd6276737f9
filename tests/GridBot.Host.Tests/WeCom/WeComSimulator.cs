using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GridBot.Host.Import;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.WeCom;

/// <summary>
/// Plays WeCom against the running host: every callback is encrypted and signed by Tencent's own @wecom/crypto
/// (tests/wecom-harness), and every passive reply is opened and its signature checked by the same library.
/// </summary>
internal sealed class WeComSimulator(GridBotTestHost host)
{
    public const string Token = "GridBotAiBotToken";
    public const string Key = "kWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string AiBotId = "aib-demo";

    public static string[] Settings(params string[] more) =>
        [$"--WeCom:AiBot:Token={Token}", $"--WeCom:AiBot:EncodingAesKey={Key}", .. more];

    /// <summary>Binds a WeCom group to a demo grid through the importer, as staff would.</summary>
    public Task BindGroupAsync(string chatId, string gridCode, CancellationToken cancellationToken, string? webhookKey = null) =>
        BindGroupAsync(host, chatId, gridCode, cancellationToken, webhookKey);

    public static Task BindGroupAsync(GridBotTestHost host, string chatId, string gridCode, CancellationToken cancellationToken, string? webhookKey = null)
    {
        var chat = new JsonObject { ["channel"] = "wecom", ["chatId"] = chatId, ["grid"] = gridCode, ["name"] = "企业微信网格群" };
        if (webhookKey is not null)
        {
            chat["webhookKey"] = webhookKey;
        }

        return ImportAsync(host, new JsonObject { ["chats"] = new JsonArray(chat) }, cancellationToken);
    }

    public static Task BindLeaderAsync(GridBotTestHost host, string userId, string gridCode, CancellationToken cancellationToken) =>
        ImportAsync(host, new JsonObject
        {
            ["members"] = new JsonArray(new JsonObject { ["channel"] = "wecom", ["userId"] = userId, ["name"] = "王芳", ["grid"] = gridCode, ["role"] = "Leader" }),
        }, cancellationToken);

    private static async Task ImportAsync(GridBotTestHost host, JsonObject json, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wecom-bind-{Guid.NewGuid():N}.json");

        await File.WriteAllTextAsync(file, json.ToJsonString(), cancellationToken);
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync([file], cancellationToken);
            Assert.True(report.Succeeded, report.Describe());
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static JsonObject GroupText(string msgid, string chatId, string userId, string content) => new()
    {
        ["msgid"] = msgid,
        ["aibotid"] = AiBotId,
        ["chatid"] = chatId,
        ["chattype"] = "group",
        ["from"] = new JsonObject { ["userid"] = userId },
        ["response_url"] = "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=demo",
        ["msgtype"] = "text",
        ["text"] = new JsonObject { ["content"] = content },
    };

    public async Task<WeComReply> PostAsync(JsonObject message, CancellationToken cancellationToken, string? timestamp = null, string? nonce = null)
    {
        var (url, body) = Seal(message.ToJsonString(), timestamp, nonce);
        using var response = await host.Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        return await OpenAsync(response, cancellationToken);
    }

    public const string CorpId = "wwfake0000000001";
    public const string AppSecret = "fake-app-secret";

    /// <summary>Settings for the self-built app against the fake server (whose default tenant is CorpId / AppSecret).</summary>
    public static string[] AppSettings(FakeWeCom fake) =>
    [
        fake.ApiBaseSetting, $"--WeCom:CorpId={CorpId}", $"--WeCom:App:Token={Token}", $"--WeCom:App:EncodingAesKey={Key}",
        "--WeCom:App:AgentId=1000002", $"--WeCom:App:Secret={AppSecret}",
    ];

    /// <summary>Encrypts an app callback like WeCom (XML envelope, receiveid = CorpID): the signed URL and the body.</summary>
    public static (string Url, string Body) SealApp(string plainXml)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sealedMessage = WeComTencentHarness.Run([Request("encrypt", timestamp, nonce, ("receiveid", CorpId), ("plain", plainXml))])[0];
        return ($"/api/wecom/app?msg_signature={sealedMessage.Text("msg_signature")}&timestamp={timestamp}&nonce={nonce}", sealedMessage.Text("xml_body"));
    }

    /// <summary>Encrypts like WeCom: returns the callback URL with its signed query and the JSON envelope body.</summary>
    public static (string Url, string Body) Seal(string plain, string? timestamp = null, string? nonce = null) =>
        SealMany([plain], timestamp, nonce)[0];

    /// <summary>Many callbacks in one run of Tencent's library (one node process), each with its own nonce.</summary>
    public static IReadOnlyList<(string Url, string Body)> SealMany(IReadOnlyList<string> plains, string? timestamp = null, string? nonce = null)
    {
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonces = plains.Select(_ => nonce ?? Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var sealedMessages = WeComTencentHarness.Run(plains.Select((plain, i) => Request("encrypt", timestamp, nonces[i], ("receiveid", ""), ("plain", plain))).ToList());
        return sealedMessages.Select((m, i) =>
            ($"/api/wecom/aibot?msg_signature={m.Text("msg_signature")}&timestamp={timestamp}&nonce={nonces[i]}", m.Text("json_body"))).ToList();
    }

    public async Task<(HttpStatusCode Status, string Body, TimeSpan Elapsed)> VerifyUrlAsync(string echoPlain, CancellationToken cancellationToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string nonce = "1372623149";
        var sealedEcho = WeComTencentHarness.Run([Request("encrypt", timestamp, nonce, ("receiveid", ""), ("plain", echoPlain))])[0];
        var url = $"/api/wecom/aibot?msg_signature={sealedEcho.Text("msg_signature")}&timestamp={timestamp}&nonce={nonce}&echostr={Uri.EscapeDataString(sealedEcho.Text("encrypt"))}";
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var response = await host.Http.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, body, started.Elapsed);
    }

    private static async Task<WeComReply> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
        {
            return new WeComReply(response.StatusCode, null);
        }

        var opened = WeComTencentHarness.Run([Request("decrypt", "", "", ("body", body))])[0];
        Assert.True(opened["signature_ok"]!.GetValue<bool>(), "Tencent's library rejected the passive reply's signature");
        Assert.Equal("", opened.Text("receiveid"));
        return new WeComReply(response.StatusCode, JsonNode.Parse(opened.Text("message"))!.AsObject());
    }

    private static JsonObject Request(string op, string timestamp, string nonce, params (string Name, string Value)[] fields)
    {
        var request = new JsonObject { ["op"] = op, ["token"] = Token, ["key"] = Key, ["timestamp"] = timestamp, ["nonce"] = nonce };
        foreach (var (name, value) in fields)
        {
            request[name] = value;
        }

        return request;
    }
}
