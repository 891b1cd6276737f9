namespace GridBot.Dialogs.Calendar;

/// <summary>
/// Result of <see cref="ChinaWorkingCalendar.CheckCoverage(DateTime)"/>; <see cref="Message"/> is plain
/// English (ASCII) so it can go straight into logs and health checks.
/// </summary>
/// <param name="Level">Ok, Warning (next year missing from 1 December) or Error (current year missing).</param>
/// <param name="CurrentYear">The year of "now" in the calendar's time zone.</param>
/// <param name="CurrentYearMissing">True when the current year falls back to a plain Monday–Friday week.</param>
/// <param name="NextYearMissing">True when it is December and next year has no data; false before December.</param>
/// <param name="Message">What is wrong and what to do, or which years are loaded.</param>
public sealed record CalendarCoverage(
    CalendarCoverageLevel Level,
    int CurrentYear,
    bool CurrentYearMissing,
    bool NextYearMissing,
    string Message)
{
    public bool IsHealthy => Level == CalendarCoverageLevel.Ok;
}
