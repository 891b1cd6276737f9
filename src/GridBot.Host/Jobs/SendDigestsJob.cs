using System.Globalization;
using GridBot.Dialogs.Digests;
using Quartz;

namespace GridBot.Host.Jobs;

/// <summary>Ticks every minute and posts the daily and weekly digests that are due to community and street chats.</summary>
[DisallowConcurrentExecution]
public sealed class SendDigestsJob(DigestSender digests, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("send-digests", "schedules");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var lookBack = context.MergedJobDataMap.TryGetString(SendDailyHuddlesJob.LookBackKey, out var text) && text is not null
            ? TimeSpan.Parse(text, CultureInfo.InvariantCulture)
            : TimeSpan.Zero;
        await digests.RunAsync(time.GetUtcNow().UtcDateTime, lookBack, cancellationToken);
    }
}
