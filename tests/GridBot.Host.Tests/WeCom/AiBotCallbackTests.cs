using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.WeCom;

/// <summary>The 智能机器人 callback over HTTP, with WeCom played by Tencent's own crypto.</summary>
public sealed class AiBotCallbackTests
{
    private const string Group = "wrkSFfCgAAxxxxGroup01";
    private const string Grid = "DEMO-S01-C01-G01";

    [Fact]
    public async Task UrlVerificationEchoesThePlaintextAndNothingElse()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var wecom = new WeComSimulator(host);

        // How fast is for the benchmark to say (wecom scenario); a unit test asserts what, not how long.
        var (status, body, _) = await wecom.VerifyUrlAsync("echo-5927133821", ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("echo-5927133821", body);
    }

    [Fact]
    public async Task ResidentReportInABoundGroupFilesATicketAndTheEncryptedReplyCarriesItsNumber()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var wecom = new WeComSimulator(host);
        await wecom.BindGroupAsync(Group, Grid, ct);

        var reply = await wecom.PostAsync(WeComSimulator.GroupText("msg-report-1", Group, "zhangayi", "@网格小助手 3号楼2单元楼道灯坏了好几天了"), ct);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(reply.StreamFinished);
        Assert.Matches(@"GD\d{8}-0001", reply.StreamContent);
        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Reporters).SingleAsync(ct));
        Assert.Equal("3号楼2单元楼道", ticket.Place);
        Assert.Equal("zhangayi", Assert.Single(ticket.Reporters).UserId);
        Assert.DoesNotContain("@网格小助手", ticket.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeComRetryOfTheSameMsgidGetsTheSameAnswerAndNoSecondTicket()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var wecom = new WeComSimulator(host);
        await wecom.BindGroupAsync(Group, Grid, ct);
        var message = WeComSimulator.GroupText("msg-retry-1", Group, "lishu", "@网格小助手 5号楼电梯坏了，困人了");

        var first = await wecom.PostAsync(message, ct);
        var retry = await wecom.PostAsync(message, ct);

        Assert.Equal(first.StreamContent, retry.StreamContent);
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task UnknownGroupGetsAPoliteReplyAndNoTicket()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var wecom = new WeComSimulator(host);

        var reply = await wecom.PostAsync(WeComSimulator.GroupText("msg-unbound-1", "wrkUnboundGroup", "wangwu", "@网格小助手 3号楼电梯坏了"), ct);

        Assert.Contains("尚未绑定网格", reply.StreamContent);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task MixedMessageWithAPhotoAndVoiceInASingleChatReachTheBot()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var wecom = new WeComSimulator(host);
        await wecom.BindGroupAsync(Group, Grid, ct);
        var mixed = WeComSimulator.GroupText("msg-mixed-1", Group, "zhaoliu", "");
        mixed["msgtype"] = "mixed";
        mixed.Remove("text");
        mixed["mixed"] = new JsonObject
        {
            ["msg_item"] = new JsonArray(
                new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "@网格小助手 7号楼门口垃圾堆了好几天没人清" } },
                new JsonObject { ["msgtype"] = "image", ["image"] = new JsonObject { ["url"] = "https://ww-aibot-img-1258476243.cos.ap-guangzhou.myqcloud.com/photo1" } }),
        };
        var voice = new JsonObject
        {
            ["msgid"] = "msg-voice-1",
            ["aibotid"] = WeComSimulator.AiBotId,
            ["chattype"] = "single",
            ["from"] = new JsonObject { ["userid"] = "stranger" },
            ["msgtype"] = "voice",
            ["voice"] = new JsonObject { ["content"] = "你好" },
        };

        var mixedReply = await wecom.PostAsync(mixed, ct);
        var voiceReply = await wecom.PostAsync(voice, ct);

        Assert.Matches(@"GD\d{8}-\d{4}", mixedReply.StreamContent);
        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Attachments).SingleAsync(ct));
        Assert.Single(ticket.Attachments);
        Assert.Contains("还没有您的登记信息", voiceReply.StreamContent);
    }

    [Fact]
    public async Task EnterChatEventIsWelcomedAndACardClickIsAcknowledgedEmpty()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var wecom = new WeComSimulator(host);
        JsonObject Event(string id, string type) => new()
        {
            ["msgid"] = id,
            ["aibotid"] = WeComSimulator.AiBotId,
            ["chattype"] = "single",
            ["from"] = new JsonObject { ["userid"] = "zhangsan" },
            ["create_time"] = 1735689600,
            ["msgtype"] = "event",
            ["event"] = new JsonObject { ["eventtype"] = type, ["event_key"] = "k", ["task_id"] = "t" },
        };

        var welcome = await wecom.PostAsync(Event("ev-1", "enter_chat"), ct);
        var card = await wecom.PostAsync(Event("ev-2", "template_card_event"), ct);

        Assert.Equal("text", welcome.Plain!["msgtype"]!.GetValue<string>());
        Assert.Contains("网格小助手", welcome.Plain["text"]!["content"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Null(card.Plain);
    }

    [Fact]
    public async Task StreamRefreshIsAnsweredWithTheTurnsStoredAnswer()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var wecom = new WeComSimulator(host);
        await wecom.BindGroupAsync(Group, Grid, ct);
        var first = await wecom.PostAsync(WeComSimulator.GroupText("msg-stream-1", Group, "qianqi", "@网格小助手 9号楼消防通道被车堵了"), ct);
        var streamId = first.Plain!["stream"]!["id"]!.GetValue<string>();

        var refresh = await wecom.PostAsync(new JsonObject
        {
            ["msgid"] = "msg-stream-refresh-1",
            ["aibotid"] = WeComSimulator.AiBotId,
            ["chatid"] = Group,
            ["chattype"] = "group",
            ["from"] = new JsonObject { ["userid"] = "qianqi" },
            ["msgtype"] = "stream",
            ["stream"] = new JsonObject { ["id"] = streamId },
        }, ct);

        Assert.True(refresh.StreamFinished);
        Assert.Equal(first.StreamContent, refresh.StreamContent);
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task BadSignatureIs401AndNothingIsStored()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var wecom = new WeComSimulator(host);
        await wecom.BindGroupAsync(Group, Grid, ct);
        var (url, body) = WeComSimulator.Seal(WeComSimulator.GroupText("msg-forged-1", Group, "x", "@bot 3号楼电梯坏了").ToJsonString());
        var forged = url.Replace("msg_signature=", "msg_signature=0", StringComparison.Ordinal);

        using var response = await host.Http.PostAsync(forged, new StringContent(body, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await host.QueryAsync(db => db.ProcessedActivities.CountAsync(ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task StaleTimestampAndReplayedNonceAreRejectedWithoutATurn()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var wecom = new WeComSimulator(host);
        await wecom.BindGroupAsync(Group, Grid, ct);
        var stale = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var old = await wecom.PostAsync(WeComSimulator.GroupText("msg-old-1", Group, "x", "@bot 3号楼电梯坏了"), ct, timestamp: stale);
        var (url, body) = WeComSimulator.Seal(WeComSimulator.GroupText("msg-replay-1", Group, "x", "@bot 3号楼电梯坏了").ToJsonString());
        using var original = await host.Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), ct);
        using var replay = await host.Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, old.Status);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(1, await host.QueryAsync(db => db.ProcessedActivities.CountAsync(ct)));
    }

    [Fact]
    public async Task ARequestReplayedAgainstAnotherHostSharingRedisIsRejected()
    {
        var ct = TestTimeout.Token;
        string[] shared = [$"--Redis:Configuration={TestRedis.Configuration}", $"--Redis:KeyPrefix={TestRedis.NewPrefix()}"];
        await using var first = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings(shared));
        await using var second = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings(shared));
        var (url, body) = WeComSimulator.Seal(WeComSimulator.GroupText("msg-two-hosts-1", Group, "x", "@bot 你好").ToJsonString());

        using var original = await first.Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), ct);
        using var replay = await second.Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(0, await second.QueryAsync(db => db.ProcessedActivities.CountAsync(ct)));
    }

    [Fact]
    public async Task OversizedBodyIs413AndJunkIsRejected()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var url = $"/api/wecom/aibot?msg_signature=abc&timestamp={ts}&nonce=1";

        using var big = await host.Http.PostAsync(url, new StringContent(new string('a', 300 * 1024), Encoding.UTF8, "application/json"), ct);
        using var junk = await host.Http.PostAsync(url, new StringContent("{\"encrypt\":\"@@@\"}", Encoding.UTF8, "application/json"), ct);
        using var noQuery = await host.Http.PostAsync("/api/wecom/aibot", new StringContent("{}", Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, junk.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noQuery.StatusCode);
        Assert.Equal(0, await host.QueryAsync(db => db.ProcessedActivities.CountAsync(ct)));
    }
}
