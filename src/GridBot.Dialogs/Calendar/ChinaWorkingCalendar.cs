using System.Globalization;

namespace GridBot.Dialogs.Calendar;

/// <summary>
/// China's working days (statutory holidays and 调休 make-up workdays) and working-hour deadline
/// arithmetic in one configured time zone. Immutable and thread-safe: register as a singleton.
/// Years with no loaded schedule fall back to a plain Monday–Friday week; <see cref="CheckCoverage(DateTime)"/>
/// reports that.
/// </summary>
/// <remarks>
/// All instants in and out are UTC <see cref="DateTime"/>s (the store keeps UTC); an input of kind
/// <see cref="DateTimeKind.Unspecified"/> is read as UTC because that is how SQLite hands them back.
/// </remarks>
public sealed class ChinaWorkingCalendar
{
    private readonly Dictionary<DateOnly, HolidayDay> listedDays = [];
    private readonly SortedSet<int> loadedYears = [];
    private readonly (TimeSpan Start, TimeSpan End)[] periods;
    private readonly string? holidayDataFolder;

    /// <param name="years">Schedules from <see cref="HolidayDataLoader.Load(string?)"/>; at most one per year.</param>
    /// <param name="options">Validated options (<see cref="WorkingCalendarOptionsValidator"/>).</param>
    public ChinaWorkingCalendar(IEnumerable<HolidayYear> years, WorkingCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(options);

        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        periods =
        [
            (options.MorningStart.ToTimeSpan(), options.MorningEnd.ToTimeSpan()),
            (options.AfternoonStart.ToTimeSpan(), options.AfternoonEnd.ToTimeSpan()),
        ];
        if (!(periods[0].Start < periods[0].End && periods[0].End <= periods[1].Start && periods[1].Start < periods[1].End))
        {
            throw new ArgumentException("Working hours must be ordered: MorningStart < MorningEnd <= AfternoonStart < AfternoonEnd.", nameof(options));
        }

        WorkingHoursPerDay = periods.Sum(period => (period.End - period.Start).TotalHours);
        holidayDataFolder = string.IsNullOrWhiteSpace(options.HolidayDataFolder) ? null : Path.GetFullPath(options.HolidayDataFolder);

        foreach (var year in years.OrderBy(year => year.Year))
        {
            if (!loadedYears.Add(year.Year))
            {
                throw new ArgumentException($"Year {year.Year} is given twice (last from '{year.Source}').", nameof(years));
            }

            foreach (var day in year.Days)
            {
                // A straddling block (2022-12-31 in the 2023 file) can be listed by two files; the file
                // published for that date's own year is the authority.
                if (!listedDays.ContainsKey(day.Date) || day.Date.Year == year.Year)
                {
                    listedDays[day.Date] = day;
                }
            }
        }

        Years = [.. loadedYears];
    }

    /// <summary>The zone in which days and working hours are read (Asia/Shanghai by default).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Years with a loaded schedule, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Length of one full working day in hours (7 with the default hours).</summary>
    public double WorkingHoursPerDay { get; }

    public bool HasYear(int year) => loadedYears.Contains(year);

    /// <summary>A Monday–Friday that is not a holiday, or a make-up workday.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        listedDays.TryGetValue(day, out var listed)
            ? !listed.IsOffDay
            : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>A statutory holiday day (including the weekend days inside a holiday block).</summary>
    public bool IsHoliday(DateOnly day) => listedDays.TryGetValue(day, out var listed) && listed.IsOffDay;

    /// <summary>A Saturday or Sunday that is worked to make up for a holiday (调休).</summary>
    public bool IsMakeUpWorkday(DateOnly day) => listedDays.TryGetValue(day, out var listed) && !listed.IsOffDay;

    /// <summary>The holiday's name as published (e.g. 春节), or null when the day is not a holiday.</summary>
    public string? HolidayName(DateOnly day) =>
        listedDays.TryGetValue(day, out var listed) && listed.IsOffDay ? listed.Name : null;

    /// <summary>The first working day on or after <paramref name="fromInclusive"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly fromInclusive)
    {
        var day = fromInclusive;
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The calendar-local time of a UTC instant, for showing deadlines to people.</summary>
    public DateTime ToLocalTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc, nameof(utc)), TimeZone);

    /// <summary>
    /// The SLA deadline: <paramref name="hours"/> working hours after <paramref name="startUtc"/>, counting
    /// only the working periods of working days. A start outside working hours counts from the next
    /// working period; a deadline that uses up a period exactly ends at that period's end (12:00, not 14:00).
    /// Zero hours gives the start moved into working time.
    /// </summary>
    /// <returns>A UTC instant (<see cref="DateTimeKind.Utc"/>).</returns>
    public DateTime AddWorkingHours(DateTime startUtc, double hours)
    {
        if (!double.IsFinite(hours) || hours < 0 || hours > TimeSpan.MaxValue.TotalHours)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Working hours must be a finite, non-negative number.");
        }

        // Ticks, not doubles, inside the loop so that 3.5 hours from 08:30 is exactly 12:00.
        var remaining = TimeSpan.FromTicks((long)Math.Round(hours * TimeSpan.TicksPerHour));
        var local = ToLocalTime(startUtc);
        var day = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        while (true)
        {
            if (IsWorkingDay(day))
            {
                foreach (var (start, end) in periods)
                {
                    if (time >= end)
                    {
                        continue;
                    }

                    var from = time > start ? time : start;
                    var available = end - from;
                    if (remaining <= available)
                    {
                        return ToUtc(day, from + remaining);
                    }

                    remaining -= available;
                    time = end;
                }
            }

            day = day.AddDays(1);
            time = TimeSpan.Zero;
        }
    }

    /// <summary>
    /// A deadline of whole working days: the end of the afternoon (17:30 by default) of the
    /// <paramref name="days"/>-th working day after the start's local date. As with administrative
    /// time limits in China, the day the matter arrives is not counted, whatever the hour.
    /// Zero days means the close of the working day the start falls in, or of the next working
    /// day when the start is after closing time or on a day off.
    /// </summary>
    /// <returns>A UTC instant (<see cref="DateTimeKind.Utc"/>).</returns>
    public DateTime AddWorkingDays(DateTime startUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var close = periods[^1].End;
        if (days == 0)
        {
            var startsAt = ToLocalTime(AddWorkingHours(startUtc, 0));
            return ToUtc(DateOnly.FromDateTime(startsAt), close);
        }

        var day = DateOnly.FromDateTime(ToLocalTime(startUtc));
        for (var counted = 0; counted < days; counted++)
        {
            day = NextWorkingDay(day.AddDays(1));
        }

        return ToUtc(day, close);
    }

    /// <summary>
    /// Working hours between two instants (the inverse of <see cref="AddWorkingHours"/>). Negative when
    /// <paramref name="toUtc"/> is earlier, so <c>WorkingHoursBetween(deadline, now)</c> is how far overdue.
    /// </summary>
    public double WorkingHoursBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = ToLocalTime(fromUtc);
        var to = ToLocalTime(toUtc);
        if (to < from)
        {
            return -Between(to, from).TotalHours;
        }

        return Between(from, to).TotalHours;
    }

    /// <summary>Coverage of the loaded years at <paramref name="nowUtc"/>, read in the calendar's time zone.</summary>
    public CalendarCoverage CheckCoverage(DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(ToLocalTime(nowUtc));
        var current = today.Year;
        var next = current + 1;
        var currentMissing = !HasYear(current);

        // The State Council publishes next year's schedule around November; from 1 December on there
        // is a month left to deploy it, which is when it becomes worth a warning.
        var nextMissing = today.Month == 12 && !HasYear(next);

        var loaded = Years.Count == 0 ? "none" : string.Join(", ", Years.Select(year => year.ToString(CultureInfo.InvariantCulture)));
        if (currentMissing)
        {
            var alsoNext = nextMissing ? $" Next year {next} is missing too." : string.Empty;
            return new CalendarCoverage(
                CalendarCoverageLevel.Error,
                current,
                CurrentYearMissing: true,
                nextMissing,
                $"Holiday calendar has no data for the current year {current} (loaded: {loaded}): deadlines now treat it as a plain Monday-Friday week and ignore statutory holidays and make-up workdays.{alsoNext} {HowToAdd(current)}");
        }

        if (nextMissing)
        {
            return new CalendarCoverage(
                CalendarCoverageLevel.Warning,
                current,
                CurrentYearMissing: false,
                NextYearMissing: true,
                $"Holiday calendar has no data for next year {next} (loaded: {loaded}); from 1 January deadlines would ignore its holidays. {HowToAdd(next)}");
        }

        return new CalendarCoverage(CalendarCoverageLevel.Ok, current, CurrentYearMissing: false, NextYearMissing: false, $"Holiday calendar covers {current} (loaded: {loaded}).");
    }

    /// <summary><see cref="CheckCoverage(DateTime)"/> at the provider's current time.</summary>
    public CalendarCoverage CheckCoverage(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return CheckCoverage(timeProvider.GetUtcNow().UtcDateTime);
    }

    private string HowToAdd(int year)
    {
        var where = holidayDataFolder is null
            ? $"a folder and point {WorkingCalendarOptions.SectionName}:{nameof(WorkingCalendarOptions.HolidayDataFolder)} at it"
            : $"'{holidayDataFolder}' ({WorkingCalendarOptions.SectionName}:{nameof(WorkingCalendarOptions.HolidayDataFolder)})";
        return $"Put {year}.json (holiday-cn format) in {where} and restart; the State Council's notice turns into that file with: dotnet run --project src/GridBot.Host -- calendar import-notice NOTICE.txt --out FOLDER.";
    }

    private TimeSpan Between(DateTime fromLocal, DateTime toLocal)
    {
        var total = TimeSpan.Zero;
        var firstDay = DateOnly.FromDateTime(fromLocal);
        var lastDay = DateOnly.FromDateTime(toLocal);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var lower = day == firstDay ? fromLocal.TimeOfDay : TimeSpan.Zero;
            var upper = day == lastDay ? toLocal.TimeOfDay : TimeSpan.FromDays(1);
            foreach (var (start, end) in periods)
            {
                var overlap = (end < upper ? end : upper) - (start > lower ? start : lower);
                if (overlap > TimeSpan.Zero)
                {
                    total += overlap;
                }
            }
        }

        return total;
    }

    private DateTime ToUtc(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue) + timeOfDay;

        // GetUtcOffset never throws: a wall time skipped by a daylight-saving jump gets the standard
        // offset instead of the exception ConvertTimeToUtc would raise (Asia/Shanghai has no DST;
        // other configured zones may).
        return DateTime.SpecifyKind(local - TimeZone.GetUtcOffset(local), DateTimeKind.Utc);
    }

    private static DateTime AsUtc(DateTime value, string parameterName) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new ArgumentException("Expected a UTC time; this calendar never reads the machine's local clock.", parameterName),
    };
}
