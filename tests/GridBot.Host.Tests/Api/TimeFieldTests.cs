using GridBot.Host.Tests.Announcements;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.Api;

/// <summary>The API's time fields read as the command line reads them (TimeInput), and a refusal names the field.</summary>
public sealed class TimeFieldTests
{
    [Fact]
    public async Task ScheduleAt_with_an_offset_is_taken_as_given_and_an_unreadable_one_is_refused_by_name()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var (created, json) = await AnnouncementApi.PostAsync(host, "/api/announcements",
            new { title = "元旦安全提示", body = "节日期间注意用电安全。", targets = new[] { "DEMO-S01-C01" }, scheduleAt = "2099-01-01T09:00:00+08:00" }, ct);
        var (beijing, local) = await AnnouncementApi.PostAsync(host, "/api/announcements",
            new { title = "元旦安全提示", body = "节日期间注意用电安全。", targets = new[] { "DEMO-S01-C01" }, scheduleAt = "2099-01-01 09:00", dryRun = false }, ct);
        var (refused, problem) = await AnnouncementApi.PostAsync(host, "/api/announcements",
            new { title = "元旦安全提示", body = "节日期间注意用电安全。", targets = new[] { "DEMO-S01-C01" }, scheduleAt = "元旦早上" }, ct);

        Assert.Equal(201, created);
        Assert.Equal(new DateTime(2099, 1, 1, 1, 0, 0, DateTimeKind.Utc), json.GetProperty("scheduledAt").GetDateTime().ToUniversalTime());
        Assert.Equal(201, beijing);
        Assert.Equal(new DateTime(2099, 1, 1, 1, 0, 0, DateTimeKind.Utc), local.GetProperty("scheduledAt").GetDateTime().ToUniversalTime());
        Assert.Equal(400, refused);
        Assert.Contains("scheduleAt 的时间“元旦早上”无法识别", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tickets_since_a_Beijing_day_counts_from_its_midnight_and_an_unreadable_one_is_refused_by_name()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        await host.Chat("demo-c01-g01").SayAsync(Person.Resident("韩"), "3号楼楼道灯坏了好几天了", ct);
        var today = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai").ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (fromToday, todays) = await AnnouncementApi.GetAsync(host, "/api/tickets?since=" + today, ct);
        var (fromFuture, none) = await AnnouncementApi.GetAsync(host, "/api/tickets?since=2099-01-01T00:00:00Z", ct);
        var (refused, problem) = await AnnouncementApi.GetAsync(host, "/api/tickets?since=yesterday", ct);

        Assert.Equal(200, fromToday);
        Assert.Equal(1, todays.GetArrayLength());
        Assert.Equal(200, fromFuture);
        Assert.Equal(0, none.GetArrayLength());
        Assert.Equal(400, refused);
        Assert.Contains("since 的时间“yesterday”无法识别", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
