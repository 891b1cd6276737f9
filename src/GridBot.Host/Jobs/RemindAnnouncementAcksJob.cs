using GridBot.Dialogs.Announcements;
using Quartz;

namespace GridBot.Host.Jobs;

/// <summary>Every few minutes: reminds grid leaders whose grid's 回执 rate is still low (once per announcement and grid).</summary>
[DisallowConcurrentExecution]
public sealed class RemindAnnouncementAcksJob(AckReminderService reminders, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("remind-announcement-acks", "announcements");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reminders.RunAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
}
