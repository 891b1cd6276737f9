using GridBot.Dialogs.Calendar;

namespace GridBot.Dialogs.Tests.Calendar;

public sealed class ChinaWorkingCalendarDeadlineTests
{
    private static ChinaWorkingCalendar EmbeddedCalendar() => new(HolidayDataLoader.LoadEmbedded(), new WorkingCalendarOptions());

    [Theory]
    // Spring Festival: Fri 1.5 h, make-up Sat 02-14 7 h, off 02-15..23, Tue 7 h, Wed 0.5 h.
    [InlineData("2026-02-13 16:00", "2026-02-25 09:00")]
    // Qingming: Fri 1.5 h, off 04-04..06, Tue 7 h, Wed 7 h, Thu 0.5 h.
    [InlineData("2026-04-03 16:00", "2026-04-09 09:00")]
    public void SixteenWorkingHoursFromFridayFourPmBeforeAHolidayLandOnTheRightDay(string startLocal, string expectedLocal)
    {
        var calendar = EmbeddedCalendar();

        var deadline = calendar.AddWorkingHours(Shanghai.Utc(startLocal), 16);

        Assert.Equal(Shanghai.Utc(expectedLocal), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }

    [Theory]
    [InlineData("2026-03-02 12:30", 1, "2026-03-02 15:00")] // lunch break
    [InlineData("2026-03-02 20:00", 2, "2026-03-03 10:30")] // evening
    [InlineData("2026-03-02 06:00", 1, "2026-03-02 09:30")] // before opening
    [InlineData("2026-03-07 10:00", 1, "2026-03-09 09:30")] // Saturday
    [InlineData("2026-10-02 09:00", 0.5, "2026-10-08 09:00")] // inside National Day week
    public void AStartOutsideWorkingHoursCountsFromTheNextWorkingPeriod(string startLocal, double hours, string expectedLocal)
    {
        var calendar = EmbeddedCalendar();

        Assert.Equal(Shanghai.Utc(expectedLocal), calendar.AddWorkingHours(Shanghai.Utc(startLocal), hours));
    }

    [Theory]
    [InlineData(3.5, "2026-03-02 12:00")]
    [InlineData(7, "2026-03-02 17:30")]
    [InlineData(0, "2026-03-02 08:30")]
    public void ADeadlineThatUsesUpAPeriodEndsAtThatPeriodsEnd(double hours, string expectedLocal)
    {
        var calendar = EmbeddedCalendar();

        Assert.Equal(Shanghai.Utc(expectedLocal), calendar.AddWorkingHours(Shanghai.Utc("2026-03-02 08:30"), hours));
    }

    [Fact]
    public void WorkingHoursBetweenUndoesAddWorkingHoursAndIsNegativeWhenReversed()
    {
        var calendar = EmbeddedCalendar();
        var start = Shanghai.Utc("2026-02-13 16:00");
        var deadline = calendar.AddWorkingHours(start, 16);

        Assert.Equal(16, calendar.WorkingHoursBetween(start, deadline), precision: 9);
        Assert.Equal(-16, calendar.WorkingHoursBetween(deadline, start), precision: 9);
        Assert.Equal(0, calendar.WorkingHoursBetween(Shanghai.Utc("2026-02-15 09:00"), Shanghai.Utc("2026-02-23 17:00")), precision: 9);
    }

    [Theory]
    [InlineData("2026-02-13 10:00", 1, "2026-02-14 17:30")] // the make-up Saturday counts
    [InlineData("2026-02-13 10:00", 2, "2026-02-24 17:30")] // then the Spring Festival is skipped
    [InlineData("2026-02-13 10:00", 0, "2026-02-13 17:30")]
    [InlineData("2026-02-13 20:00", 0, "2026-02-14 17:30")]
    [InlineData("2026-09-30 16:00", 1, "2026-10-08 17:30")]
    public void WorkingDaysEndAtCloseOfTheNthWorkingDayAfterTheStartDay(string startLocal, int days, string expectedLocal)
    {
        var calendar = EmbeddedCalendar();

        Assert.Equal(Shanghai.Utc(expectedLocal), calendar.AddWorkingDays(Shanghai.Utc(startLocal), days));
    }

    [Fact]
    public void ConfiguredWorkingHoursAreUsed()
    {
        var options = new WorkingCalendarOptions
        {
            MorningStart = new TimeOnly(9, 0),
            MorningEnd = new TimeOnly(12, 0),
            AfternoonStart = new TimeOnly(13, 0),
            AfternoonEnd = new TimeOnly(18, 0),
        };
        var calendar = new ChinaWorkingCalendar(HolidayDataLoader.LoadEmbedded(), options);

        Assert.Equal(8, calendar.WorkingHoursPerDay);
        Assert.Equal(Shanghai.Utc("2026-03-02 13:30"), calendar.AddWorkingHours(Shanghai.Utc("2026-03-02 08:00"), 3.5));
    }

    [Fact]
    public void LocalTimesAndNegativeHoursAreRefused()
    {
        var calendar = EmbeddedCalendar();

        Assert.Throws<ArgumentException>(() => calendar.AddWorkingHours(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Local), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingHours(Shanghai.Utc("2026-03-02 09:00"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(Shanghai.Utc("2026-03-02 09:00"), -1));
    }
}
