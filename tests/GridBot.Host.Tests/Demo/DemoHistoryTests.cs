using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using ClosedXML.Excel;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Schedules;
using GridBot.Host.Tests.StaffConsole;
using GridBot.Store.Outbox;
using GridBot.Store.Schedules;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Demo;

/// <summary>A fresh demo start writes a month of the demo grids' life that every console face shows, and nothing else.</summary>
public sealed class DemoHistoryTests
{
    private const string History = "--Demo:History=true";

    [Fact]
    public async Task A_fresh_demo_start_shows_a_month_of_history_on_every_face()
    {
        var ct = TestTimeout.Token;
        var started = DateTime.UtcNow;
        await using var host = await GridBotTestHost.StartAsync(ct, History);
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);

        var tickets = await host.Http.GetFromJsonAsync<JsonElement>("/api/tickets?grid=DEMO&limit=500", ct);
        var all = tickets.EnumerateArray().ToList();
        Assert.True(all.Count >= 60, $"{all.Count} tickets");
        Assert.Equal(["安全隐患", "民生服务", "环境卫生", "矛盾纠纷", "社情民意"], all.Select(t => t.GetProperty("category").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["complaint", "consultation", "help", "praise", "suggestion"], all.Select(t => t.GetProperty("appealType").GetString()).Distinct().Order(StringComparer.Ordinal));

        // The lifecycle as the bot lives it: dispatched, done, rated (不满意 and 重办 among them), urged, chased, escalated, overdue.
        var now = DateTime.UtcNow;
        var facts = await host.QueryAsync(async db => new
        {
            Rated = await db.Tickets.CountAsync(t => t.Status == TicketStatus.Rated, ct),
            Unsatisfied = await db.Tickets.CountAsync(t => t.Rating == TicketRating.Unsatisfied, ct),
            Redone = await db.TicketEvents.CountAsync(e => e.Action == TicketAction.Reopen, ct),
            Urged = await db.Tickets.CountAsync(t => t.UrgeCount > 0, ct),
            Raised = await db.Tickets.CountAsync(t => t.RaisedToLeaderUtc != null, ct),
            Chased = await db.TicketEvents.CountAsync(e => e.Action == TicketAction.Chase, ct),
            Escalated = await db.Tickets.CountAsync(t => t.Tier != TicketTier.Grid, ct),
            Overdue = (await db.Tickets.Where(t => t.DeadlineUtc != null).ToListAsync(ct)).Count(t => t.IsOverdue(now)),
            Answered = await db.Tickets.CountAsync(t => t.Status == TicketStatus.Closed, ct),
            Withdrawn = await db.Tickets.CountAsync(t => t.Status == TicketStatus.Withdrawn, ct),
            Huddles = await db.ScheduleNotices.CountAsync(n => n.Kind == ScheduleKind.DailyHuddle && !n.Skipped, ct),
            Meetings = await db.ScheduleNotices.CountAsync(n => n.Kind == ScheduleKind.WeeklyMeeting && !n.Skipped, ct),
            Orders = await db.DispatchOrders.CountAsync(ct),
            Announcements = await db.Announcements.CountAsync(a => a.RequireAck && a.PublishedUtc != null, ct),
        });
        Assert.True(facts.Rated > 20, $"{facts}");
        Assert.True(facts.Unsatisfied >= 1 && facts.Redone >= 2, $"{facts}");
        Assert.True(facts.Urged >= 1 && facts.Raised >= 1 && facts.Chased >= 1, $"{facts}");
        Assert.True(facts.Escalated >= 2 && facts.Overdue >= 1, $"{facts}");
        Assert.True(facts.Answered >= 5 && facts.Withdrawn >= 1, $"{facts}");
        Assert.True(facts.Huddles >= 8 && facts.Meetings >= 2 && facts.Orders >= 1, $"{facts}");
        Assert.Equal(2, facts.Announcements);

        // 回执 in part: some of the reached members said 收到, not all.
        foreach (var number in (int[])[1, 2])
        {
            var receipts = await host.Http.GetFromJsonAsync<JsonElement>($"/api/announcements/{number}", ct);
            var grids = receipts.GetProperty("grids").EnumerateArray().ToList();
            var (known, acked) = (grids.Sum(g => g.GetProperty("known").GetInt32()), grids.Sum(g => g.GetProperty("acknowledged").GetInt32()));
            Assert.True(acked > 0 && acked < known, $"announcement {number}: {acked}/{known}");
        }

        using var console = new ConsoleClient(host);
        await console.SignInWithTokenAsync(GridBotTestHost.ApiToken, ct);
        Assert.Contains("GD", await console.Http.GetStringAsync("/console", ct), StringComparison.Ordinal);
        Assert.Contains("badge late", await console.Http.GetStringAsync("/console?overdue=1", ct), StringComparison.Ordinal);
        var daily = XDocument.Parse(await console.Http.GetStringAsync("/console/charts/daily.svg", ct));
        var newPerDay = daily.Descendants().Where(e => e.Name.LocalName == "title" && e.Value.Contains(" 新增 ", StringComparison.Ordinal))
            .Select(e => double.Parse(e.Value.Split(' ')[^1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(30, newPerDay.Count);
        Assert.True(newPerDay.Count(v => v > 0) >= 15, string.Join(",", newPerDay));
        var overview = await console.Http.GetStringAsync("/console/grids", ct);
        Assert.Contains("幸福里社区第一网格", overview, StringComparison.Ordinal);
        Assert.Matches(@"\d+%", overview);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        var file = await host.Http.GetByteArrayAsync($"/api/ledgers/tickets.xlsx?scope=DEMO-S01&from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}", ct);
        using var workbook = new XLWorkbook(new MemoryStream(file));
        Assert.True(workbook.Worksheet("工单台账").RowsUsed().Count() > 60);

        var digest = await host.Http.GetFromJsonAsync<JsonElement>("/api/digests?scope=DEMO-S01&period=weekly", ct);
        var totals = digest.GetProperty("totals");
        Assert.True(totals.GetProperty("new").GetInt32() > 0 && totals.GetProperty("closed").GetInt32() > 0 && totals.GetProperty("rated").GetInt32() > 0, totals.ToString());

        // Written in the past, delivered in the past: nothing for the dispatcher, nothing new for the chat page.
        var outbox = await host.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync(ct));
        Assert.NotEmpty(outbox);
        Assert.All(outbox, o => Assert.True(o.Status == OutboxStatus.Sent && o.SentUtc == o.CreatedUtc && o.CreatedUtc <= started.AddMinutes(1), $"{o.Id} {o.Status} {o.CreatedUtc:O}"));
        var feed = await host.Http.GetFromJsonAsync<JsonElement>("/api/webchat/conversations/demo-c01-g01/activities", ct);
        Assert.Empty(feed.GetProperty("items").EnumerateArray());
        var next = await host.Http.GetFromJsonAsync<JsonElement>($"/api/webchat/conversations/demo-c01-g01/activities?after={feed.GetProperty("last").GetInt64()}", ct);
        Assert.Empty(next.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task History_off_imports_the_grids_alone()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, "--Demo:History=false");

        Assert.True(await host.QueryAsync(db => db.Grids.AnyAsync(ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.Announcements.CountAsync(ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.Outbox.CountAsync(ct)));
    }

    [Fact]
    public async Task A_second_start_on_the_same_database_writes_no_second_history()
    {
        var ct = TestTimeout.Token;
        var folder = Directory.CreateTempSubdirectory("gridbot-demo-").FullName;
        try
        {
            int tickets, events, outbox;
            await using (var first = await GridBotTestHost.StartAsync(null, folder, ct, History))
            {
                (tickets, events, outbox) = await first.QueryAsync(async db => (await db.Tickets.CountAsync(ct), await db.TicketEvents.CountAsync(ct), await db.Outbox.CountAsync(ct)));
            }

            await using var second = await GridBotTestHost.StartAsync(null, folder, ct, History);
            Assert.True(tickets > 0);
            Assert.Equal(tickets, await second.QueryAsync(db => db.Tickets.CountAsync(ct)));
            Assert.Equal(events, await second.QueryAsync(db => db.TicketEvents.CountAsync(ct)));
            Assert.Equal(outbox, await second.QueryAsync(db => db.Outbox.CountAsync(ct)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_same_day_gives_the_same_history()
    {
        var ct = TestTimeout.Token;
        var histories = new List<List<string>>();
        foreach (var _ in (int[])[1, 2])
        {
            var clock = new FakeTimeProvider(Beijing.At("2026-11-25 10:00"));
            await using var host = await GridBotTestHost.StartAsync(clock, null, ct, History);
            histories.Add(await host.QueryAsync(db => db.Tickets.AsNoTracking().OrderBy(t => t.Number)
                .Select(t => t.Number + " " + t.Category + " " + t.Status + " " + t.Tier + " " + t.Rating + " " + t.Description).ToListAsync(ct)));
        }

        Assert.NotEmpty(histories[0]);
        Assert.Equal(histories[0], histories[1]);
        // Dated on the working calendar around the fixed day: the first reports are from the end of October.
        Assert.StartsWith("GD20261026-", histories[0][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_history_shorter_than_a_week_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GridBotTestHost.StartAsync(TestTimeout.Token, History, "--Demo:HistoryDays=3"));

        Assert.Contains("Demo:HistoryDays", error.Message, StringComparison.Ordinal);
    }
}
