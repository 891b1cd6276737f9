namespace GridBot.Store.Schedules;

/// <summary>
/// A grid's own setting for one schedule (提醒 日碰头 17:30 / 提醒 暂停 日碰头). Grids without a row follow the
/// configured defaults, so 2,009 grids cost nothing until one of them changes its time.
/// </summary>
public sealed class ScheduleOverride
{
    public int Id { get; set; }
    public int GridId { get; set; }
    public Grids.Grid? Grid { get; set; }
    public ScheduleKind Kind { get; set; }

    /// <summary>Local time of day in the calendar's zone; null keeps the configured default.</summary>
    public TimeOnly? Time { get; set; }

    /// <summary>For weekly schedules; null keeps the configured default.</summary>
    public DayOfWeek? Day { get; set; }

    public bool Paused { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }
}
