using GridBot.Dialogs.Reminders;
using Quartz;

namespace GridBot.Host.Jobs;

/// <summary>Every few minutes (Schedules:ChaseInterval): remind, chase and escalate tickets by their working-hour clocks.</summary>
[DisallowConcurrentExecution]
public sealed class ChaseDeadlinesJob(DeadlineChaser chaser, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("chase-deadlines", "schedules");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await chaser.RunAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
}
