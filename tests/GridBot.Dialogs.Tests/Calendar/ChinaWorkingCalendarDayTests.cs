using GridBot.Dialogs.Calendar;

namespace GridBot.Dialogs.Tests.Calendar;

public sealed class ChinaWorkingCalendarDayTests
{
    private static ChinaWorkingCalendar EmbeddedCalendar() => new(HolidayDataLoader.LoadEmbedded(), new WorkingCalendarOptions());

    [Fact]
    public void EmbeddedDataCoversTwentyTwentyThreeToTwentyTwentySix()
    {
        var calendar = EmbeddedCalendar();

        Assert.Equal([2023, 2024, 2025, 2026], calendar.Years);
        Assert.True(calendar.HasYear(2026));
        Assert.False(calendar.HasYear(2027));
    }

    [Theory]
    [InlineData("2026-02-15")]
    [InlineData("2026-02-16")]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-20")]
    [InlineData("2026-02-23")]
    public void SpringFestivalDaysOfTwentyTwentySixAreHolidays(string date)
    {
        var calendar = EmbeddedCalendar();
        var day = Shanghai.Day(date);

        Assert.True(calendar.IsHoliday(day));
        Assert.False(calendar.IsWorkingDay(day));
        Assert.Equal("春节", calendar.HolidayName(day));
    }

    [Theory]
    [InlineData("2026-01-04", DayOfWeek.Sunday)]
    [InlineData("2026-02-14", DayOfWeek.Saturday)]
    [InlineData("2026-02-28", DayOfWeek.Saturday)]
    public void MakeUpWeekendsOfTwentyTwentySixAreWorkingDays(string date, DayOfWeek expectedWeekday)
    {
        var calendar = EmbeddedCalendar();
        var day = Shanghai.Day(date);

        Assert.Equal(expectedWeekday, day.DayOfWeek);
        Assert.True(calendar.IsWorkingDay(day));
        Assert.True(calendar.IsMakeUpWorkday(day));
        Assert.False(calendar.IsHoliday(day));
        Assert.Null(calendar.HolidayName(day));
    }

    [Fact]
    public void NationalDayWeekIsOffAndWorkResumesOnTheEighthWithAMakeUpSaturdayAfter()
    {
        var calendar = EmbeddedCalendar();

        for (var day = Shanghai.Day("2026-10-01"); day <= Shanghai.Day("2026-10-07"); day = day.AddDays(1))
        {
            Assert.True(calendar.IsHoliday(day), $"{day} should be a holiday");
            Assert.Equal("国庆节", calendar.HolidayName(day));
        }

        Assert.Equal(Shanghai.Day("2026-10-08"), calendar.NextWorkingDay(Shanghai.Day("2026-10-01")));
        Assert.True(calendar.IsWorkingDay(Shanghai.Day("2026-10-10")));
        Assert.False(calendar.IsWorkingDay(Shanghai.Day("2026-10-11")));
        Assert.True(calendar.IsWorkingDay(Shanghai.Day("2026-09-20")));
    }

    [Fact]
    public void PlainWeekdaysAndWeekendsFollowTheNormalWeek()
    {
        var calendar = EmbeddedCalendar();

        Assert.True(calendar.IsWorkingDay(Shanghai.Day("2026-03-02")));
        Assert.False(calendar.IsWorkingDay(Shanghai.Day("2026-03-07")));
        Assert.False(calendar.IsHoliday(Shanghai.Day("2026-03-07")));
        Assert.Equal(Shanghai.Day("2026-03-09"), calendar.NextWorkingDay(Shanghai.Day("2026-03-07")));
        Assert.Equal(Shanghai.Day("2026-03-02"), calendar.NextWorkingDay(Shanghai.Day("2026-03-02")));
    }

    [Fact]
    public void AYearWithoutDataFallsBackToMondayToFriday()
    {
        var calendar = EmbeddedCalendar();

        Assert.False(calendar.HasYear(2030));
        Assert.True(calendar.IsWorkingDay(Shanghai.Day("2030-01-01")));
        Assert.False(calendar.IsWorkingDay(Shanghai.Day("2030-01-05")));
        Assert.Null(calendar.HolidayName(Shanghai.Day("2030-01-01")));
    }

    [Fact]
    public void AHolidayBlockThatStartsInDecemberIsKnownFromTheNextYearsFile()
    {
        var calendar = EmbeddedCalendar();

        Assert.False(calendar.HasYear(2022));
        Assert.True(calendar.IsHoliday(Shanghai.Day("2022-12-31")));
    }
}
