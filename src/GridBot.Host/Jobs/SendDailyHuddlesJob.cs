using System.Globalization;
using GridBot.Dialogs.Reminders;
using Quartz;

namespace GridBot.Host.Jobs;

/// <summary>
/// Ticks every minute and posts whatever 日碰头 / 早派工 agendas are due (the planner decides, on the working
/// calendar). On start it also runs once with a day's look-back, so fires missed while the host was down are sent
/// within the grace or logged as skipped.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SendDailyHuddlesJob(DailyHuddleService huddles, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("send-daily-huddles", "schedules");

    public const string LookBackKey = "lookBack";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var lookBack = context.MergedJobDataMap.TryGetString(LookBackKey, out var text) && text is not null
            ? TimeSpan.Parse(text, CultureInfo.InvariantCulture)
            : TimeSpan.Zero;
        await huddles.RunAsync(time.GetUtcNow().UtcDateTime, lookBack, cancellationToken);
    }
}
