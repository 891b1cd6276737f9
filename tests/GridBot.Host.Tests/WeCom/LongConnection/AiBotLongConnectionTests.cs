using System.Text.RegularExpressions;
using GridBot.FakeWeCom;
using GridBot.Host.Tests.Authorization;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GridBot.Host.Tests.WeCom.LongConnection;

/// <summary>
/// GridBot's long-connection client against the fake Tencent's own client was proven against
/// (<see cref="TencentClientAgainstFakeTests"/>): only BotId and Secret configured, no public address, no robot key.
/// </summary>
public sealed partial class AiBotLongConnectionTests
{
    private const string Grid = "DEMO-S01-C01-G01";
    private const string Group = "wrkWsGroup01";

    [Fact]
    public async Task AResidentsMentionBecomesATicketItsReplyClosesTheStreamAndTheLeadersCloseNoticeIsPushedIntoTheGroup()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.LongConnectionSettings());
        await WeComSimulator.BindGroupAsync(host, Group, Grid, ct);
        await WeComSimulator.BindLeaderAsync(host, "wangfang", Grid, ct);
        await fake.WaitSubscribedAsync(1, ct);

        var reqId = await fake.PushAsync(FakeAiBotControl.GroupText("ws-report-1", Group, "zhangayi", "@网格小助手 3号楼2单元楼道灯坏了好几天了"), ct);
        var reply = await fake.WaitRecordAsync("aibot_respond_msg", reqId, FakeAiBotControl.IsClosingStream, ct);

        Assert.Equal(0, reply["errcode"]!.GetValue<int>());
        var number = TicketNumber().Match(FakeAiBotControl.StreamContent(reply)).Value;
        Assert.NotEmpty(number);
        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Reporters).SingleAsync(ct));
        Assert.Equal(number, ticket.Number);
        Assert.Equal("zhangayi", Assert.Single(ticket.Reporters).UserId);

        var closeReq = await fake.PushAsync(FakeAiBotControl.SingleText("ws-close-1", "wangfang", $"办结 {number} 灯已更换"), ct);
        var closeReply = await fake.WaitRecordAsync("aibot_respond_msg", closeReq, FakeAiBotControl.IsClosingStream, ct);
        var notice = await fake.WaitRecordAsync("aibot_send_msg", Group, r => r["errcode"]!.GetValue<int>() == 0, ct);

        Assert.Contains("已办结", FakeAiBotControl.StreamContent(closeReply) + notice["body"]!["markdown"]!["content"]!.GetValue<string>());
        Assert.Equal("markdown", notice["body"]!["msgtype"]!.GetValue<string>());
        Assert.Contains(number, notice["body"]!["markdown"]!["content"]!.GetValue<string>());
        Assert.Equal(0, (await fake.AiBotStatsAsync(ct))["outOfOrder"]!.GetValue<int>());
    }

    [Fact]
    public async Task ADroppedConnectionComesBackAndWeComsRedeliveryOfTheSameMsgidMakesNoSecondTicket()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.LongConnectionSettings());
        await WeComSimulator.BindGroupAsync(host, Group, Grid, ct);
        await fake.WaitSubscribedAsync(1, ct);
        var message = FakeAiBotControl.GroupText("ws-redeliver-1", Group, "lishu", "@网格小助手 5号楼电梯坏了，困人了");
        var first = await fake.WaitRecordAsync("aibot_respond_msg", await fake.PushAsync(message, ct), FakeAiBotControl.IsClosingStream, ct);

        await fake.FaultAsync(new FakeAiBotFaults { Drop = true }, ct);
        await fake.WaitSubscribedAsync(2, ct);
        var again = await fake.WaitRecordAsync("aibot_respond_msg", await fake.PushAsync(message, ct), FakeAiBotControl.IsClosingStream, ct);

        Assert.Equal(FakeAiBotControl.StreamContent(first), FakeAiBotControl.StreamContent(again));
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
        Assert.Equal("Connected", (await FakeAiBotControl.WaitStateAsync(host.Http, "Connected", ct))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task EnterChatGetsTheWelcomeWithinWeComsWindow()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.LongConnectionSettings());
        await fake.WaitSubscribedAsync(1, ct);

        var reqId = await fake.PushAsync(FakeAiBotControl.EnterChat("ws-enter-1", "zhaoliu"), ct, "aibot_event_callback");
        var welcome = await fake.WaitRecordAsync("aibot_respond_welcome_msg", reqId, _ => true, ct);

        // The fake answers 846607 to a welcome later than 5 s: 0 is "in time".
        Assert.Equal(0, welcome["errcode"]!.GetValue<int>());
        Assert.Contains("网格小助手", welcome["body"]!["text"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task MalformedOversizedUnknownAndStrayFramesAreSkippedAndTheConnectionKeepsWorking()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.LongConnectionSettings("--WeCom:AiBot:LongConnection:MaxFrameBytes=65536"));
        await WeComSimulator.BindGroupAsync(host, Group, Grid, ct);
        await fake.WaitSubscribedAsync(1, ct);

        await fake.FaultAsync(new FakeAiBotFaults { Garbage = 6, OversizedBytes = 200_000, UnknownCmd = true, StrayAck = true }, ct);
        var reqId = await fake.PushAsync(FakeAiBotControl.GroupText("ws-after-junk-1", Group, "sunqi", "@网格小助手 7号楼门口垃圾没人清"), ct);
        var reply = await fake.WaitRecordAsync("aibot_respond_msg", reqId, FakeAiBotControl.IsClosingStream, ct);

        Assert.Matches(TicketNumber(), FakeAiBotControl.StreamContent(reply));
        var stats = await fake.AiBotStatsAsync(ct);
        Assert.Equal(1, stats["subscribes"]!.GetValue<int>());
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task AnAnswerWeComNeverAcknowledgesIsPushedFromTheOutboxInstead()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.LongConnectionSettings());
        await WeComSimulator.BindGroupAsync(host, Group, Grid, ct);
        await fake.WaitSubscribedAsync(1, ct);

        await fake.FaultAsync(new FakeAiBotFaults { StallAcks = 1 }, ct);
        var reqId = await fake.PushAsync(FakeAiBotControl.GroupText("ws-stall-1", Group, "zhouba", "@网格小助手 9号楼2单元楼道灯坏了好几天了"), ct);
        var unacked = await fake.WaitRecordAsync("aibot_respond_msg", reqId, FakeAiBotControl.IsClosingStream, ct);
        var pushed = await fake.WaitRecordAsync("aibot_send_msg", Group, r => r["errcode"]!.GetValue<int>() == 0, ct);

        Assert.Equal(FakeAiBotControl.StreamContent(unacked), pushed["body"]!["markdown"]!["content"]!.GetValue<string>());
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task DisconnectedEventMakesTheHostStandDownInsteadOfFightingTheOtherConnection()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.LongConnectionSettings("--WeCom:AiBot:LongConnection:StandDownFor=01:00:00"));
        await fake.WaitSubscribedAsync(1, ct);

        await fake.FaultAsync(new FakeAiBotFaults { Disconnect = true }, ct);
        var state = await FakeAiBotControl.WaitStateAsync(host.Http, "StoodDown", ct);
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);

        Assert.False(state["holdsConnection"]!.GetValue<bool>());
        var stats = await fake.AiBotStatsAsync(ct);
        Assert.Equal(1, stats["subscribes"]!.GetValue<int>());
        Assert.Null(stats["current"]);
    }

    [Fact]
    public async Task AWrongSecretIsReportedAsRefusedOnReadyzAndNeverLogged()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        var logs = new RecordingLoggerProvider();
        await using var host = await GridBotTestHost.StartAsync(b => b.Logging.AddProvider(logs), ct,
            [.. fake.LongConnectionSettings(), "--WeCom:AiBot:Secret=wrong-secret-5521", "--Logging:LogLevel:GridBot=Information"]);

        var state = await FakeAiBotControl.WaitStateAsync(host.Http, "Refused", ct);

        Assert.Equal("Refused", state["state"]!.GetValue<string>());
        Assert.Contains(await fake.RecordsAsync("aibot_subscribe", ct), r => r["errcode"]!.GetValue<int>() == FakeAiBotErrcodes.InvalidCredential);
        Assert.Contains(logs.Lines, l => l.Contains("subscribe refused", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("wrong-secret-5521", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"GD\d{8}-\d{4}")]
    private static partial Regex TicketNumber();
}
