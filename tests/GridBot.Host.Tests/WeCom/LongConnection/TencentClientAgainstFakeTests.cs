using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.WeCom.LongConnection;

/// <summary>
/// The fake long-connection server proven against Tencent's own client (@wecom/aibot-node-sdk 1.0.7 WSClient): what
/// the official client sends, the fake understands and acks the way the client expects. GridBot's client is then
/// tested against the same fake (<see cref="AiBotLongConnectionTests"/>).
/// </summary>
public sealed class TencentClientAgainstFakeTests
{
    [Fact]
    public async Task TencentsClientSubscribesRepliesWithAStreamInOrderPushesMarkdownAndAnImage()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var sdk = AiBotSdkProcess.Start(fake.WsUrl(), FakeAiBotControl.BotId, FakeAiBotControl.Secret);
        await sdk.NextAsync("authenticated", ct);

        var reqId = await fake.PushAsync(FakeAiBotControl.GroupText("sdk-msg-1", "wrkSdkGroup", "zhangsan", "@机器人 你好"), ct);
        var replied = await sdk.NextAsync("replied", ct);
        var pushed = await sdk.NextAsync("pushed", ct);
        var textPush = await sdk.NextAsync("text-push", ct);
        var media = await sdk.NextAsync("media", ct);

        Assert.Equal(reqId, replied["reqId"]!.GetValue<string>());
        Assert.Equal([0, 0], replied["errcodes"]!.AsArray().Select(c => c!.GetValue<int>()));
        var frames = (await fake.RecordsAsync("aibot_respond_msg", ct)).Where(r => r["target"]!.GetValue<string>() == reqId).ToList();
        Assert.Equal(["收到", "收到，已登记"], frames.Select(FakeAiBotControl.StreamContent));
        Assert.Equal([false, true], frames.Select(f => f["body"]!["stream"]!["finish"]!.GetValue<bool>()));
        Assert.Equal(0, (await fake.AiBotStatsAsync(ct))["outOfOrder"]!.GetValue<int>());
        Assert.Equal(0, pushed["errcode"]!.GetValue<int>());
        Assert.Equal(40008, textPush["errcode"]!.GetValue<int>());
        Assert.Equal(0, media["errcode"]!.GetValue<int>());
        var send = await fake.RecordsAsync("aibot_send_msg", ct);
        Assert.Contains(send, r => r["target"]!.GetValue<string>() == "wrkSdkGroup" && r["body"]!["msgtype"]!.GetValue<string>() == "image" && r["errcode"]!.GetValue<int>() == 0);
    }

    [Fact]
    public async Task TencentsClientGetsItsWelcomeInAndIsKickedByANewerConnection()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var older = AiBotSdkProcess.Start(fake.WsUrl(), FakeAiBotControl.BotId, FakeAiBotControl.Secret);
        await older.NextAsync("authenticated", ct);

        await fake.PushAsync(FakeAiBotControl.EnterChat("sdk-enter-1", "lisi"), ct, "aibot_event_callback");
        Assert.Equal(0, (await older.NextAsync("welcome", ct))["errcode"]!.GetValue<int>());

        await using var newer = AiBotSdkProcess.Start(fake.WsUrl(), FakeAiBotControl.BotId, FakeAiBotControl.Secret);
        await newer.NextAsync("authenticated", ct);
        await older.NextAsync("disconnected_event", ct);
        Assert.Equal(1, (await fake.AiBotStatsAsync(ct))["kicks"]!.GetValue<int>());
    }

    [Fact]
    public async Task AWrongSecretIsRefusedAsTencentsClientExpects()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var sdk = AiBotSdkProcess.Start(fake.WsUrl(), FakeAiBotControl.BotId, "not-the-secret");

        var error = await sdk.NextAsync("error", ct);

        Assert.Contains("Authentication failed", error["message"]!.GetValue<string>());
        Assert.Null((await fake.AiBotStatsAsync(ct))["current"]);
    }

    /// <summary>What the fake enforces that Tencent's client never does wrong: a second reply before the first's ack.</summary>
    [Fact]
    public async Task TheFakeRefusesAReplyBeforeThePreviousOneIsAckedAndARequestIdItNeverSent()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(fake.WsUrl()), ct);
        await SendAsync(socket, "aibot_subscribe", "aibot_subscribe_1", new JsonObject { ["bot_id"] = FakeAiBotControl.BotId, ["secret"] = FakeAiBotControl.Secret }, ct);
        Assert.Equal(0, (await ReceiveAsync(socket, ct))["errcode"]!.GetValue<int>());
        await fake.FaultAsync(new GridBot.FakeWeCom.FakeAiBotFaults { AckDelayMs = 300 }, ct);
        var reqId = await fake.PushAsync(FakeAiBotControl.SingleText("order-1", "wangwu", "你好"), ct);
        await ReceiveAsync(socket, ct);

        JsonObject Stream(bool finish) => new() { ["msgtype"] = "stream", ["stream"] = new JsonObject { ["id"] = "s1", ["finish"] = finish, ["content"] = "x" } };
        await SendAsync(socket, "aibot_respond_msg", reqId, Stream(false), ct);
        await SendAsync(socket, "aibot_respond_msg", reqId, Stream(true), ct);
        await SendAsync(socket, "aibot_respond_msg", "never-sent", Stream(true), ct);
        var acks = new[] { await ReceiveAsync(socket, ct), await ReceiveAsync(socket, ct), await ReceiveAsync(socket, ct) };

        Assert.Contains(acks, a => a["headers"]!["req_id"]!.GetValue<string>() == reqId && a["errcode"]!.GetValue<int>() == 0);
        Assert.Contains(acks, a => a["headers"]!["req_id"]!.GetValue<string>() == reqId && a["errcode"]!.GetValue<int>() == GridBot.FakeWeCom.FakeAiBotErrcodes.OutOfOrder);
        Assert.Contains(acks, a => a["headers"]!["req_id"]!.GetValue<string>() == "never-sent" && a["errcode"]!.GetValue<int>() == GridBot.FakeWeCom.FakeAiBotErrcodes.InvalidReqId);
    }

    private static Task SendAsync(ClientWebSocket socket, string cmd, string reqId, JsonObject body, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(new JsonObject { ["cmd"] = cmd, ["headers"] = new JsonObject { ["req_id"] = reqId }, ["body"] = body }.ToJsonString()),
            WebSocketMessageType.Text, true, ct);

    private static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, ct);
        return JsonNode.Parse(buffer.AsSpan(0, result.Count))!.AsObject();
    }
}
