using System.Globalization;
using GridBot.Dialogs.Reminders;
using Quartz;

namespace GridBot.Host.Jobs;

/// <summary>Ticks every minute and posts the 周联席会议 agendas due today (the working day before each meeting).</summary>
[DisallowConcurrentExecution]
public sealed class SendWeeklyMeetingAgendasJob(WeeklyMeetingService meetings, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("send-weekly-meeting-agendas", "schedules");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var lookBack = context.MergedJobDataMap.TryGetString(SendDailyHuddlesJob.LookBackKey, out var text) && text is not null
            ? TimeSpan.Parse(text, CultureInfo.InvariantCulture)
            : TimeSpan.Zero;
        await meetings.RunAsync(time.GetUtcNow().UtcDateTime, lookBack, cancellationToken);
    }
}
