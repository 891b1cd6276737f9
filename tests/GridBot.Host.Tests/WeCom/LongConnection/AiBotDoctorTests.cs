using GridBot.Host.Channels.WeCom.AiBot.LongConnection;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.WeCom.LongConnection;

/// <summary>`wecom doctor` against the fake: it leaves a held connection alone unless forced, then subscribes, pings and leaves.</summary>
public sealed class AiBotDoctorTests
{
    [Fact]
    public async Task TheDoctorNamesTheHolderAndOnlyWithForceSubscribesPingsAndLeaves()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.LongConnectionSettings("--WeCom:AiBot:LongConnection:StandDownFor=01:00:00"));
        await fake.WaitSubscribedAsync(1, ct);

        var polite = new StringWriter();
        Assert.Equal(0, await AiBotDoctor.RunAsync(host.Services, force: false, polite, ct));
        Assert.Contains("持有", polite.ToString());
        Assert.Equal(1, (await fake.AiBotStatsAsync(ct))["subscribes"]!.GetValue<int>());

        var forced = new StringWriter();
        Assert.Equal(0, await AiBotDoctor.RunAsync(host.Services, force: true, forced, ct));
        Assert.Contains("订阅成功", forced.ToString());
        Assert.Contains("心跳正常", forced.ToString());
        Assert.Equal(2, (await fake.AiBotStatsAsync(ct))["subscribes"]!.GetValue<int>());
    }
}
