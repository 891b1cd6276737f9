using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridBot.Dialogs.Digests;
using GridBot.Dialogs.Reminders;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Announcements;

public sealed class AnnouncementDigestTests
{
    [Fact]
    public async Task TheWeeklyDigestCarriesEachGridsAckRateOfTheWeeksAnnouncements()
    {
        var ct = TestTimeout.Token;
        var clock = new FakeTimeProvider(Beijing.At("2026-11-18 10:00"));
        await using var host = await GridBotTestHost.StartAsync(clock, null, ct);
        var number = await AnnouncementApi.PublishAsync(host, "医保缴费通知", "医保缴费截止12月31日。", ["DEMO-S01-C01-G01", "DEMO-S01-C01-G02"], true, ct);
        await host.Chat("demo-c01-g02").SayAsync(Person.LeaderChen, "收到", ct);

        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);
        var json = await host.Http.GetFromJsonAsync<JsonElement>("/api/digests?scope=DEMO-S01-C01&period=weekly&date=2026-11-23", ct);

        var line = Assert.Single(json.GetProperty("announcements").EnumerateArray());
        Assert.Equal(number, line.GetProperty("number").GetInt32());
        Assert.Equal(1, line.GetProperty("acknowledged").GetInt32());
        Assert.Equal(6, line.GetProperty("known").GetInt32());
        var grids = line.GetProperty("grids").EnumerateArray().ToList();
        Assert.Equal(["DEMO-S01-C01-G01", "DEMO-S01-C01-G02"], grids.Select(g => g.GetProperty("code").GetString()));
        Assert.Equal(0.5, grids[1].GetProperty("rate").GetDouble(), 3);

        var sent = await host.RunAsync<DigestSender, ScheduleRunResult>(s => s.RunAsync(Beijing.Utc("2026-11-23 08:00"), TimeSpan.Zero, ct));
        Assert.True(sent.Sent > 0);
        var text = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == "demo-c01-staff" && o.Text.StartsWith("【幸福里社区周报】")).Select(o => o.Text).SingleAsync(ct));
        Assert.Contains($"公告 {number}“医保缴费通知” 回执 16.7%（1/6），最低 幸福里社区第一网格 0%", text);
    }
}
