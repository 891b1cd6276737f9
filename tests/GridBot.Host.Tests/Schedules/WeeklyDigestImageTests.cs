using GridBot.Dialogs.Digests;
using GridBot.Dialogs.Reminders;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Schedules;

public sealed class WeeklyDigestImageTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task The_weekly_digest_is_followed_by_its_chart_as_an_image_row_and_the_daily_one_is_not()
    {
        var ct = TestTimeout.Token;
        var clock = new FakeTimeProvider(Beijing.At("2026-11-19 10:00"));
        await using var host = await GridBotTestHost.StartAsync(clock, null, ct);
        var group = host.Chat("demo-c01-g01");
        var number = (await group.SayAsync(Person.Resident("刘大爷"), "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;
        clock.Advance(TimeSpan.FromHours(1));
        await group.SayAsync(Person.LeaderWang, $"办结 {number} 已更换灯泡", ct);

        // Monday 08:00: the daily and the weekly digest are both due.
        await host.RunAsync<DigestSender, ScheduleRunResult>(s => s.RunAsync(Beijing.Utc("2026-11-23 08:00"), TimeSpan.Zero, ct));

        var rows = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == "demo-c01-staff").OrderBy(o => o.Id).ToListAsync(ct));
        var weekly = rows.FindIndex(o => o.Text.StartsWith("【幸福里社区周报】", StringComparison.Ordinal));
        Assert.True(weekly >= 0, string.Join(" | ", rows.Select(r => r.Text[..Math.Min(20, r.Text.Length)])));
        var image = rows[weekly + 1];
        Assert.Equal(OutboxFormat.Image, image.Format);
        Assert.Contains("周报图表", image.Text, StringComparison.Ordinal);
        Assert.Equal(PngSignature, image.Payload![..8]);
        Assert.Single(rows, r => r.Format == OutboxFormat.Image);
        // Kept with the browser screenshots, to see that the Chinese labels are drawn.
        Directory.CreateDirectory(StaffConsole.Browser.ScreenshotFolder);
        await File.WriteAllBytesAsync(Path.Combine(StaffConsole.Browser.ScreenshotFolder, "weekly-digest-chart.png"), image.Payload, ct);
    }
}
