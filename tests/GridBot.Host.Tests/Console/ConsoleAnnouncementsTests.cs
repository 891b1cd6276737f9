using System.Net;
using GridBot.Host.Tests.Announcements;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.StaffConsole;

/// <summary>The console's 公告 pages: what reached the scope's chats, each chat's delivery and each grid's 回执.</summary>
public sealed class ConsoleAnnouncementsTests
{
    [Fact]
    public async Task An_announcement_shows_its_chats_delivery_and_the_grids_acknowledgements()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var number = await AnnouncementApi.PublishAsync(host, "医保缴费通知", "医保缴费截止12月31日。", ["DEMO-S01-C01-G01"], requireAck: true, ct);
        await host.Chat("demo-c01-g01").SayAsync(Person.WorkerLi, "收到", ct);
        using var console = new ConsoleClient(host);
        await console.SignInWithTokenAsync(GridBotTestHost.ApiToken, ct);

        var list = await console.Http.GetStringAsync("/console/announcements", ct);
        var detail = await console.Http.GetStringAsync($"/console/announcements/{number}", ct);
        var missing = await console.Http.GetAsync("/console/announcements/999", ct);

        Assert.Contains($"href=\"/console/announcements/{number}\"", list, StringComparison.Ordinal);
        Assert.Contains("医保缴费通知", list, StringComparison.Ordinal);
        Assert.Contains("1 人", list, StringComparison.Ordinal);
        Assert.Contains("<h2>送达</h2>", detail, StringComparison.Ordinal);
        Assert.Contains("幸福里社区第一网格", detail, StringComparison.Ordinal);
        Assert.Matches(@"<td>幸福里社区第一网格</td><td>1</td><td>\d+</td><td>\d+(\.\d)?%</td>", detail);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
