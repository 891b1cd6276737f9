namespace GridBot.Dialogs.Calendar;

/// <summary>
/// Settings of the China working-day calendar (section <c>WorkingCalendar</c>).
/// Times bind from "HH:mm" strings, e.g. <c>WorkingCalendar__MorningStart=09:00</c>.
/// </summary>
public sealed class WorkingCalendarOptions
{
    public const string SectionName = "WorkingCalendar";

    /// <summary>
    /// Optional folder of per-year files in the holiday-cn format (<c>2027.json</c>), read at start.
    /// A file here replaces the embedded data for its year, so a newly published year needs no rebuild.
    /// A relative path resolves against the process working directory.
    /// </summary>
    public string? HolidayDataFolder { get; set; }

    /// <summary>IANA (or Windows) time zone id in which working hours are read.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeOnly MorningStart { get; set; } = new(8, 30);

    public TimeOnly MorningEnd { get; set; } = new(12, 0);

    public TimeOnly AfternoonStart { get; set; } = new(14, 0);

    public TimeOnly AfternoonEnd { get; set; } = new(17, 30);
}
