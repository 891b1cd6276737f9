using System.Text;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Reminders;
using GridBot.Dialogs.Tests.Calendar;
using GridBot.Dialogs.Time;
using GridBot.Store.Grids;
using GridBot.Store.Schedules;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Dialogs.Tests.Reminders;

public sealed class HuddleAgendaTests
{
    private static readonly ScheduleTarget Grid = new(1, "D-S1-C1-G1", "幸福里社区第一网格", GridLevel.Grid, "/D/S1/C1/G1/");

    [Fact]
    public void ALongAgendaFitsWeComsLimitAndSaysHowManyAreLeftOut()
    {
        var fire = Shanghai.Utc("2026-11-23 17:30");
        var tickets = Enumerable.Range(1, 300).Select(i => new AgendaTicket(
            $"GD20261120-{i:D4}", "环境卫生", $"{i}号楼楼下垃圾堆放点", TicketStatus.Assigned, TicketTier.Grid,
            i % 3 == 0 ? "李明" : "王芳", fire.AddDays(-3), fire.AddHours(-i), Grid.Path)).ToList();

        var text = HuddleAgenda.Build(Slot(fire), tickets, fire.AddDays(-1), Clock(fire), 4096);

        Assert.True(Encoding.UTF8.GetByteCount(text) <= 4096, $"{Encoding.UTF8.GetByteCount(text)} bytes");
        Assert.Contains("在办 300 件：超期 300", text);
        Assert.Matches(@"另有 \d+ 条未列出", text);
        // The worker lines survive the cut: they are what the huddle is for.
        Assert.Contains("· 王芳 200 件（超期 200）", text);
        Assert.Contains("· 李明 100 件（超期 100）", text);
        Assert.StartsWith("1. GD20261120-0300", text.Split('\n')[3]);   // the longest overdue first
    }

    [Fact]
    public void AQuietDayStillGetsAShortAgenda()
    {
        var fire = Shanghai.Utc("2026-11-23 17:30");

        var text = HuddleAgenda.Build(Slot(fire), [], fire.AddDays(-1), Clock(fire), 4096);

        Assert.Equal("【日碰头例会】幸福里社区第一网格 11月23日 17:30\n今天没有在办工单，辛苦了！", text);
    }

    private static ScheduleSlot Slot(DateTime fireUtc) =>
        new(ScheduleKind.DailyHuddle, Grid, fireUtc.AddHours(8), fireUtc);

    private static ShanghaiTime Clock(DateTime nowUtc) =>
        new(new ChinaWorkingCalendar(HolidayDataLoader.LoadEmbedded(), new WorkingCalendarOptions()), new FakeTimeProvider(new DateTimeOffset(nowUtc)));
}
