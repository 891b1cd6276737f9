using System.Net;
using System.Text;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.WeCom;

/// <summary>The self-built app: XML callbacks in (Tencent's crypto plays WeCom), message/send out at the fake server.</summary>
public sealed class WeComAppChannelTests
{
    [Fact]
    public async Task APrivateMessageIsAnsweredThroughMessageSendAndARetryChangesNothing()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));

        var first = await PostAsync(host, TextXml("zhoujiu", "你好", "7311000000000000001"), ct);
        var retry = await PostAsync(host, TextXml("zhoujiu", "你好", "7311000000000000001"), ct);

        Assert.Equal((HttpStatusCode.OK, ""), first);
        Assert.Equal((HttpStatusCode.OK, ""), retry);
        var sent = await WaitForSendsAsync(fake, 1, ct);
        Assert.Equal("zhoujiu", sent[0]["target"]!.GetValue<string>());
        Assert.Equal(1000002, sent[0]["body"]!["agentid"]!.GetValue<int>());
        Assert.Contains("还没有您的登记信息", sent[0]["body"]!["text"]!["content"]!.GetValue<string>());
        Assert.Equal(1, await host.QueryAsync(db => db.Outbox.CountAsync(o => o.Channel == "wecom", ct)));
    }

    [Fact]
    public async Task AnExpiredTokenIsRefreshedOnceAndTheMessageStillArrives()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));
        await PostAsync(host, TextXml("wushi", "你好", "7311000000000000011"), ct);
        await WaitForSendsAsync(fake, 1, ct);

        await fake.ExpireTokensAsync(ct);
        await PostAsync(host, TextXml("wushi", "在吗", "7311000000000000012"), ct);
        var sends = await WaitForSendsAsync(fake, 3, ct);

        Assert.Equal([0, 42001, 0], sends.Select(s => s["errcode"]!.GetValue<int>()));
        Assert.Equal(2, (await fake.StatsAsync(ct))["tokensIssued"]!.GetValue<int>());
        Assert.All(await host.QueryAsync(db => db.Outbox.ToListAsync(ct)), row => Assert.Equal(OutboxStatus.Sent, row.Status));
    }

    [Fact]
    public async Task AnEnvelopeWithADtdIsRejectedBeforeAnythingIsDecrypted()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));
        var (url, body) = WeComSimulator.SealApp(TextXml("x", "你好", "7311000000000000021"));
        var hostile = "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + body.Replace("<AgentID>", "<AgentID>&e;", StringComparison.Ordinal);

        using var response = await host.Http.PostAsync(url, new StringContent(hostile, Encoding.UTF8, "application/xml"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await host.QueryAsync(db => db.ProcessedActivities.CountAsync(ct)));
    }

    [Fact]
    public async Task ACallbackSealedForAnotherCorpIsRejectedWithoutATurn()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sealedForOther = WeComTencentHarness.Run([new System.Text.Json.Nodes.JsonObject
        {
            ["op"] = "encrypt", ["token"] = WeComSimulator.Token, ["key"] = WeComSimulator.Key, ["receiveid"] = "wwsomeoneelse000",
            ["plain"] = TextXml("x", "你好", "7311000000000000031"), ["timestamp"] = timestamp, ["nonce"] = "4242",
        }])[0];

        using var response = await host.Http.PostAsync(
            $"/api/wecom/app?msg_signature={sealedForOther.Text("msg_signature")}&timestamp={timestamp}&nonce=4242",
            new StringContent(sealedForOther.Text("xml_body"), Encoding.UTF8, "application/xml"), ct);

        // -40005 (ValidateCorpid_Error) is logged; the caller only learns that the request was bad.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await host.QueryAsync(db => db.ProcessedActivities.CountAsync(ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.Outbox.CountAsync(ct)));
    }

    internal static string TextXml(string from, string content, string msgId) =>
        $"<xml><ToUserName><![CDATA[{WeComSimulator.CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>"
        + $"<CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + $"<Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId><AgentID>1000002</AgentID></xml>";

    internal static async Task<(HttpStatusCode, string)> PostAsync(GridBotTestHost host, string xml, CancellationToken cancellationToken)
    {
        var (url, body) = WeComSimulator.SealApp(xml);
        using var response = await host.Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/xml"), cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static async Task<List<System.Text.Json.Nodes.JsonObject>> WaitForSendsAsync(FakeWeCom fake, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sends = await fake.RecordsAsync("message/send", cancellationToken);
            if (sends.Count >= count)
            {
                return sends;
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
