using GridBot.Dialogs.Calendar;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Reminders;

/// <summary>
/// When each grid's schedules fire, on China's working calendar. Quartz only ticks; this decides, so a make-up
/// Saturday (调休) fires and a holiday does not, and 2,009 grids at 17:30 are one tick rather than 2,009 triggers.
/// </summary>
public sealed class SchedulePlanner(GridBotDbContext db, ChinaWorkingCalendar calendar, IOptions<ScheduleOptions> options)
{
    /// <summary>Every fire with <paramref name="fromUtc"/> &lt; time &lt;= <paramref name="toUtc"/>, in time order.</summary>
    public async Task<IReadOnlyList<ScheduleSlot>> SlotsAsync(
        IReadOnlyCollection<ScheduleKind> kinds, DateTime fromUtc, DateTime toUtc, string? gridCode, CancellationToken cancellationToken)
    {
        var overrides = await db.ScheduleOverrides.AsNoTracking()
            .Where(o => kinds.Contains(o.Kind))
            .Select(o => new { o.GridId, o.Kind, o.Time, o.Day, o.Paused })
            .ToListAsync(cancellationToken);
        var byGrid = overrides.ToDictionary(o => (o.GridId, o.Kind));

        // Cheap exit for the minute tick: when no default and no override time falls in the window, no grid is due.
        var times = kinds.Where(k => ScheduleNames.Timed.Contains(k)).Select(k => FireTime(k, null))
            .Concat(overrides.Select(o => FireTime(o.Kind, o.Time))).Distinct().ToList();
        var days = LocalDays(fromUtc, toUtc);
        if (!days.Any(day => times.Any(time => InWindow(day, time, fromUtc, toUtc))))
        {
            return [];
        }

        var targets = await TargetsAsync(gridCode, cancellationToken);
        var slots = new List<ScheduleSlot>();
        foreach (var day in days)
        {
            foreach (var kind in kinds.Where(k => ScheduleNames.Timed.Contains(k)))
            {
                foreach (var target in targets.Where(t => Serves(kind, t.Level)))
                {
                    byGrid.TryGetValue((target.GridId, kind), out var own);
                    var enabled = own is not null ? !own.Paused : kind != ScheduleKind.MorningDispatch || options.Value.MorningDispatchEnabled;
                    if (!enabled || !FiresOn(kind, day, own?.Day))
                    {
                        continue;
                    }

                    var local = day.ToDateTime(FireTime(kind, own?.Time));
                    var utc = TimeZoneInfo.ConvertTimeToUtc(local, calendar.TimeZone);
                    if (utc > fromUtc && utc <= toUtc)
                    {
                        slots.Add(new ScheduleSlot(kind, target, local, utc));
                    }
                }
            }
        }

        return [.. slots.OrderBy(s => s.FireUtc).ThenBy(s => s.Kind).ThenBy(s => s.Target.Code, StringComparer.Ordinal)];
    }

    /// <summary>The fire before <paramref name="beforeLocal"/> of a daily schedule: where "new since the last huddle" starts.</summary>
    public DateTime PreviousWorkingDayAt(DateTime beforeLocal)
    {
        var day = DateOnly.FromDateTime(beforeLocal).AddDays(-1);
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.FromDateTime(beforeLocal)), calendar.TimeZone);
    }

    public static bool Serves(ScheduleKind kind, GridLevel level) => kind switch
    {
        ScheduleKind.DailyHuddle or ScheduleKind.MorningDispatch => level is GridLevel.Grid or GridLevel.MicroGrid or GridLevel.Dedicated,
        ScheduleKind.WeeklyMeeting => level == GridLevel.Community,
        _ => level is GridLevel.Community or GridLevel.Street,
    };

    private bool FiresOn(ScheduleKind kind, DateOnly day, DayOfWeek? ownDay)
    {
        if (!calendar.IsWorkingDay(day))
        {
            return false;
        }

        return kind switch
        {
            ScheduleKind.WeeklyDigest => WeeklyDay(day, ownDay ?? options.Value.WeeklyDigestDay) == day,
            ScheduleKind.WeeklyMeeting => MeetingAfter(day, ownDay) is not null,
            _ => true,
        };
    }

    /// <summary>
    /// The meeting whose agenda goes out on <paramref name="reminderDay"/>: the agenda is sent on the working day
    /// before the meeting (Friday for a Monday meeting: nobody reads a work group on Sunday), or null.
    /// </summary>
    public DateOnly? MeetingAfter(DateOnly reminderDay, DayOfWeek? ownDay)
    {
        var wanted = ownDay ?? options.Value.WeeklyMeetingDay;
        foreach (var week in (int[])[0, 7, 14])
        {
            var meeting = WeeklyDay(reminderDay.AddDays(week), wanted);
            if (meeting > reminderDay && PreviousWorkingDay(meeting) == reminderDay)
            {
                return meeting;
            }
        }

        return null;
    }

    /// <summary>The wanted weekday of the ISO week holding <paramref name="day"/>, moved to the next working day when it is a holiday (Monday 5 October).</summary>
    private DateOnly WeeklyDay(DateOnly day, DayOfWeek wanted)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return calendar.NextWorkingDay(monday.AddDays(((int)wanted + 6) % 7));
    }

    private DateOnly PreviousWorkingDay(DateOnly day)
    {
        var previous = day.AddDays(-1);
        while (!calendar.IsWorkingDay(previous))
        {
            previous = previous.AddDays(-1);
        }

        return previous;
    }

    /// <summary>A meeting's own time is when it is held; its agenda always goes out at the reminder time.</summary>
    private TimeOnly FireTime(ScheduleKind kind, TimeOnly? own) =>
        kind == ScheduleKind.WeeklyMeeting ? options.Value.WeeklyMeetingReminderTime : own ?? options.Value.DefaultTime(kind);

    private async Task<List<ScheduleTarget>> TargetsAsync(string? gridCode, CancellationToken cancellationToken)
    {
        var query = db.Grids.AsNoTracking().Where(g => db.Chats.Any(c => c.GridId == g.Id));
        if (!string.IsNullOrEmpty(gridCode))
        {
            query = query.Where(g => g.Code == gridCode);
        }

        return await query.OrderBy(g => g.Code)
            .Select(g => new ScheduleTarget(g.Id, g.Code, g.Name, g.Level, g.Path))
            .ToListAsync(cancellationToken);
    }

    private List<DateOnly> LocalDays(DateTime fromUtc, DateTime toUtc)
    {
        var first = DateOnly.FromDateTime(calendar.ToLocalTime(fromUtc));
        var last = DateOnly.FromDateTime(calendar.ToLocalTime(toUtc));
        var days = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(day);
        }

        return days;
    }

    private bool InWindow(DateOnly day, TimeOnly time, DateTime fromUtc, DateTime toUtc)
    {
        var utc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), calendar.TimeZone);
        return utc > fromUtc && utc <= toUtc;
    }
}
