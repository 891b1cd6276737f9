using GridBot.Host.Channels.WeCom.CustomerGroups;
using Quartz;

namespace GridBot.Host.Jobs;

/// <summary>Every few minutes: mass-send tasks owners confirmed are marked sent, owners who have not are reminded.</summary>
[DisallowConcurrentExecution]
public sealed class FollowGroupMessagesJob(IServiceScopeFactory scopes, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("follow-group-messages", "schedules");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GroupMessageFollower>().RunAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
