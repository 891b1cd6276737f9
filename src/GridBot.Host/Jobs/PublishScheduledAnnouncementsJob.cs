using GridBot.Dialogs.Announcements;
using Quartz;

namespace GridBot.Host.Jobs;

/// <summary>Ticks every minute: publishes the scheduled announcements that are due, each once (the publisher claims it).</summary>
[DisallowConcurrentExecution]
public sealed class PublishScheduledAnnouncementsJob(AnnouncementPublisher publisher, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("publish-scheduled-announcements", "announcements");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await publisher.PublishDueAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
}
