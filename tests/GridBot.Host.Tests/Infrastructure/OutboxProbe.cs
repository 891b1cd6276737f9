using GridBot.Dialogs.Proactive;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.Infrastructure;

/// <summary>Writes outbox rows the way a feature does (ProactiveMessenger + SaveChanges) and waits for the dispatcher's verdict.</summary>
public static class OutboxProbe
{
    /// <returns>The id of the last row written.</returns>
    public static async Task<long> EnqueueAsync(GridBotTestHost host, Action<ProactiveMessenger> enqueue, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        enqueue(scope.ServiceProvider.GetRequiredService<ProactiveMessenger>());
        await db.SaveChangesAsync(cancellationToken);
        return await db.Outbox.MaxAsync(o => o.Id, cancellationToken);
    }

    public static Task<long> EnqueueTextAsync(GridBotTestHost host, string channel, string conversationId, string text, CancellationToken cancellationToken) =>
        EnqueueAsync(host, m => m.Enqueue(channel, conversationId, null, text), cancellationToken);

    /// <summary>Polls until the row is sent or failed (bounded by the test's token).</summary>
    public static async Task<OutboxMessage> WaitForFinalAsync(GridBotTestHost host, long id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await host.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken));
            if (row.Status != OutboxStatus.Pending)
            {
                return row;
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
