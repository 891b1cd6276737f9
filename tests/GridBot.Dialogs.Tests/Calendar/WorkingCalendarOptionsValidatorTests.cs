using GridBot.Dialogs.Calendar;

namespace GridBot.Dialogs.Tests.Calendar;

public sealed class WorkingCalendarOptionsValidatorTests
{
    private static readonly WorkingCalendarOptionsValidator Validator = new();

    [Fact]
    public void DefaultsAreValid()
    {
        Assert.True(Validator.Validate(null, new WorkingCalendarOptions()).Succeeded);
    }

    [Fact]
    public void AnUnknownTimeZoneIsRejectedNamingTheKeyAndValue()
    {
        var result = Validator.Validate(null, new WorkingCalendarOptions { TimeZone = "Mars/Olympus_Mons" });

        Assert.True(result.Failed);
        Assert.Contains("WorkingCalendar:TimeZone", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus_Mons", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AMorningThatEndsBeforeItStartsIsRejectedNamingBothKeys()
    {
        var result = Validator.Validate(null, new WorkingCalendarOptions { MorningStart = new TimeOnly(12, 30) });

        Assert.True(result.Failed);
        Assert.Contains("WorkingCalendar:MorningStart '12:30'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("WorkingCalendar:MorningEnd '12:00'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAfternoonThatStartsBeforeTheMorningEndsIsRejected()
    {
        var result = Validator.Validate(null, new WorkingCalendarOptions { AfternoonStart = new TimeOnly(11, 0) });

        Assert.True(result.Failed);
        Assert.Contains("WorkingCalendar:AfternoonStart", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingHolidayFolderIsRejectedNamingTheKeyAndPath()
    {
        var missing = Path.Combine(Path.GetTempPath(), "gridbot-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var result = Validator.Validate(null, new WorkingCalendarOptions { HolidayDataFolder = missing });

        Assert.True(result.Failed);
        Assert.Contains("WorkingCalendar:HolidayDataFolder", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(missing, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedFileInTheHolidayFolderFailsValidationNamingTheFile()
    {
        using var folder = new TempFolder();
        var file = folder.Write("2027.json", "{ not json");

        var result = Validator.Validate(null, new WorkingCalendarOptions { HolidayDataFolder = folder.Path });

        Assert.True(result.Failed);
        Assert.Contains("WorkingCalendar:HolidayDataFolder", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(file, result.FailureMessage, StringComparison.Ordinal);
    }
}
