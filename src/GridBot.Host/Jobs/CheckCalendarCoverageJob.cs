using GridBot.Dialogs.Calendar;
using Quartz;

namespace GridBot.Host.Jobs;

/// <summary>
/// Warns in the log every morning while the holiday data runs out (from 1 December when next year's file is missing),
/// so an operator sees it before 1 January silently turns holidays into working days.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class CheckCalendarCoverageJob(ChinaWorkingCalendar calendar, TimeProvider time, ILogger<CheckCalendarCoverageJob> logger) : IJob
{
    public static readonly JobKey Key = new("check-calendar-coverage", "schedules");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var coverage = calendar.CheckCoverage(time);
        if (coverage.Level == CalendarCoverageLevel.Error)
        {
            LogMissingNow(logger, coverage.Message);
        }
        else if (coverage.Level == CalendarCoverageLevel.Warning)
        {
            LogMissingSoon(logger, coverage.Message);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Working calendar: {Coverage}")]
    private static partial void LogMissingNow(ILogger logger, string coverage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Working calendar: {Coverage}")]
    private static partial void LogMissingSoon(ILogger logger, string coverage);
}
