using GridBot.Dialogs.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Dialogs.Tests.Calendar;

public sealed class CalendarCoverageTests
{
    private static ChinaWorkingCalendar CalendarWith(params int[] years) =>
        new(years.Select(year => new HolidayYear(year, [], $"test:{year}")), new WorkingCalendarOptions());

    [Fact]
    public void NextYearMissingIsNotReportedBeforeTheFirstOfDecember()
    {
        var calendar = CalendarWith(2026);

        var coverage = calendar.CheckCoverage(Shanghai.Utc("2026-11-30 23:59"));

        Assert.Equal(CalendarCoverageLevel.Ok, coverage.Level);
        Assert.True(coverage.IsHealthy);
        Assert.False(coverage.NextYearMissing);
    }

    [Fact]
    public void NextYearMissingIsAWarningFromTheFirstOfDecemberInBeijingTime()
    {
        var calendar = CalendarWith(2026);

        // 2026-11-30 16:00 UTC is already 1 December in Beijing.
        var coverage = calendar.CheckCoverage(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc));

        Assert.Equal(CalendarCoverageLevel.Warning, coverage.Level);
        Assert.True(coverage.NextYearMissing);
        Assert.False(coverage.CurrentYearMissing);
        Assert.Contains("2027", coverage.Message, StringComparison.Ordinal);
        Assert.All(coverage.Message, character => Assert.True(char.IsAscii(character)));
    }

    [Fact]
    public void DecemberWithNextYearLoadedIsHealthy()
    {
        var calendar = CalendarWith(2026, 2027);

        Assert.Equal(CalendarCoverageLevel.Ok, calendar.CheckCoverage(Shanghai.Utc("2026-12-15 09:00")).Level);
    }

    [Fact]
    public void CurrentYearMissingIsAnErrorThatSaysWhereToPutTheFile()
    {
        using var folder = new TempFolder();
        var calendar = new ChinaWorkingCalendar([new HolidayYear(2026, [], "test:2026")], new WorkingCalendarOptions { HolidayDataFolder = folder.Path });

        var coverage = calendar.CheckCoverage(Shanghai.Utc("2027-01-01 00:00"));

        Assert.Equal(CalendarCoverageLevel.Error, coverage.Level);
        Assert.Equal(2027, coverage.CurrentYear);
        Assert.True(coverage.CurrentYearMissing);
        Assert.Contains("2027.json", coverage.Message, StringComparison.Ordinal);
        Assert.Contains(folder.Path, coverage.Message, StringComparison.Ordinal);
        Assert.Contains("WorkingCalendar:HolidayDataFolder", coverage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CoverageCanBeCheckedAtTheTimeProvidersNow()
    {
        var calendar = CalendarWith(2026);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));

        Assert.Equal(CalendarCoverageLevel.Warning, calendar.CheckCoverage(clock).Level);
    }
}
