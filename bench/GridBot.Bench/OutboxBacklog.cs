using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Bench;

/// <summary>The outbox rows a host has yet to send, read from its own database.</summary>
internal static class OutboxBacklog
{
    public static async Task<int> PendingAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().Outbox.CountAsync(o => o.Status == OutboxStatus.Pending, cancellationToken);
    }

    /// <summary>Polls until nothing is pending: the end of a fan-out's wall time.</summary>
    public static async Task DrainedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        do
        {
            // 50 ms: the fan-out's target is a few seconds, so a coarser poll would be a visible part of it.
            await Task.Delay(50, cancellationToken);
        }
        while (await PendingAsync(services, cancellationToken) > 0);
    }
}
