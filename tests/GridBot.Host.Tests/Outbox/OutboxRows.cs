using System.Text.Json.Nodes;
using GridBot.Dialogs.Proactive;
using GridBot.Host.Import;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.Outbox;

/// <summary>Outbox rows written the way features write them (ProactiveMessenger + one SaveChanges), and read back.</summary>
internal static class OutboxRows
{
    public static async Task<List<long>> EnqueueAsync(GridBotTestHost host, IEnumerable<(string ChatId, string Text)> messages, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var before = await db.Outbox.MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0;
        var messenger = scope.ServiceProvider.GetRequiredService<ProactiveMessenger>();
        foreach (var (chatId, text) in messages)
        {
            messenger.Enqueue("wecom", chatId, null, text);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Outbox.Where(o => o.Id > before).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Imports WeCom group chats bound to <paramref name="gridCode"/>, each with its own robot key, in one file.</summary>
    public static async Task BindGroupsAsync(GridBotTestHost host, string gridCode, IEnumerable<(string ChatId, string Key)> chats, CancellationToken cancellationToken)
    {
        var list = new JsonArray();
        foreach (var (chatId, key) in chats)
        {
            list.Add(new JsonObject { ["channel"] = "wecom", ["chatId"] = chatId, ["grid"] = gridCode, ["name"] = "企业微信网格群", ["webhookKey"] = key });
        }

        var file = Path.Combine(Path.GetTempPath(), $"outbox-bind-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["chats"] = list }.ToJsonString(), cancellationToken);
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync([file], cancellationToken);
            Assert.True(report.Succeeded, report.Describe());
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task<List<OutboxMessage>> WaitForFinalAsync(GridBotTestHost host, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        while (true)
        {
            var rows = await host.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(cancellationToken));
            if (rows.All(r => r.Status != OutboxStatus.Pending))
            {
                return rows;
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
