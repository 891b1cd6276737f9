using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridBot.Dialogs.Digests;
using GridBot.Dialogs.Reminders;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Schedules;

public sealed class DigestTests
{
    [Fact]
    public async Task TheDailyDigestMatchesTheTicketsOfTheDayInTheApiAndInTheStaffChat()
    {
        var ct = TestTimeout.Token;
        var clock = new FakeTimeProvider(Beijing.At("2026-11-23 09:00"));
        await using var host = await GridBotTestHost.StartAsync(clock, null, ct,
            "--Schedules:DigestRecipients:0:Scope=DEMO-S01-C01", "--Schedules:DigestRecipients:0:Channel=demo",
            "--Schedules:DigestRecipients:0:ConversationId=private-staff-c01");
        var first = host.Chat("demo-c01-g01");
        var liu = Person.Resident("刘大爷");
        var closed = (await first.SayAsync(liu, "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;
        clock.Advance(TimeSpan.FromMinutes(10));
        var oldest = (await first.SayAsync(Person.Resident("张阿姨"), "6号楼楼下垃圾堆了好几天，臭得很", ct)).TicketNumber;
        clock.Advance(TimeSpan.FromMinutes(50));
        await first.SayAsync(Person.LeaderWang, $"受理 {closed[^4..]}", ct);
        clock.Advance(TimeSpan.FromHours(1));
        await first.SayAsync(Person.LeaderWang, $"办结 {closed[^4..]} 已更换灯泡", ct);
        await first.SayAsync(liu, "满意", ct);
        var second = (await host.Chat("demo-c01-g02").SayAsync(Person.Resident("钱女士"), "5号楼门口垃圾桶满了没人清运", ct)).TicketNumber;

        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);
        var json = await host.Http.GetFromJsonAsync<JsonElement>("/api/digests?scope=DEMO-S01-C01&period=daily&date=2026-11-24", ct);

        Assert.Equal("Daily", json.GetProperty("period").GetString());
        Assert.Equal("2026-11-23", json.GetProperty("from").GetString());
        var totals = json.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("new").GetInt32());
        Assert.Equal(1, totals.GetProperty("closed").GetInt32());
        Assert.Equal(2, totals.GetProperty("open").GetInt32());
        Assert.Equal(1.0, totals.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(1.0, totals.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(1.0, json.GetProperty("medianHoursToAccept").GetDouble());
        Assert.Equal(2.0, json.GetProperty("medianHoursToClose").GetDouble());
        var grids = json.GetProperty("grids").EnumerateArray().ToList();
        Assert.Equal(5, grids.Count);
        Assert.Equal("DEMO-S01-C01-G01", grids[0].GetProperty("code").GetString());
        Assert.Equal([oldest, second], json.GetProperty("oldestOpen").EnumerateArray().Select(o => o.GetProperty("number").GetString()));

        var sent = await host.RunAsync<DigestSender, ScheduleRunResult>(s => s.RunAsync(Beijing.Utc("2026-11-24 08:00"), TimeSpan.Zero, ct));
        Assert.Equal(3, sent.Sent);   // two communities and the street have staff chats
        var text = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == "demo-c01-staff" && o.Text.StartsWith("【幸福里社区日报】")).Select(o => o.Text).SingleAsync(ct));
        Assert.Contains("新增 3 · 办结 1 · 在办 2 · 超期 0", text);
        Assert.Contains("按时办结率 100% · 满意率 100%", text);
        Assert.Contains("1. 幸福里社区第一网格 按时 100%", text);
        Assert.Contains(oldest, text);
        Assert.Equal(text, await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == "private-staff-c01").Select(o => o.Text).SingleAsync(ct)));
        Assert.Equal(0, (await host.RunAsync<DigestSender, ScheduleRunResult>(s => s.RunAsync(Beijing.Utc("2026-11-24 08:01"), TimeSpan.Zero, ct))).Sent);
    }

    [Theory]
    [InlineData("/api/digests?scope=DEMO-S01-C01&period=monthly", HttpStatusCode.BadRequest)]
    [InlineData("/api/digests?scope=DEMO-S01-C01&date=23.11.2026", HttpStatusCode.BadRequest)]
    [InlineData("/api/digests?period=daily", HttpStatusCode.BadRequest)]
    [InlineData("/api/digests?scope=NOPE", HttpStatusCode.NotFound)]
    public async Task BadDigestRequestsAreRefusedWithAProblem(string url, HttpStatusCode expected)
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);

        Assert.Equal(expected, (await host.Http.GetAsync(url, ct)).StatusCode);
        host.Http.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.GetAsync("/api/digests?scope=DEMO-S01-C01", ct)).StatusCode);
    }
}
