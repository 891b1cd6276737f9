using GridBot.Store;
using GridBot.Store.Coordination;
using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// Pulls one kf account's new items with kf/sync_msg until has_more is 0, under a lock keyed by the open_kfid (Redis
/// when configured, so one host at a time reads an account). Each page's items are handled first and the page's
/// next_cursor stored after: a crash in between re-reads the page, and the core's dedup on msgid (the Activity id)
/// makes that harmless, so the cursor never has to share a transaction with the turns.
/// </summary>
internal sealed partial class KfSynchronizer(
    IServiceScopeFactory scopes, KfApiClient api, KfMessageHandler handler, ITurnLock locks, TimeProvider time, ILogger<KfSynchronizer> logger)
{
    /// <returns>How many sync_msg calls were made.</returns>
    public async Task<int> SyncAsync(string openKfid, string? token, CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync("kf-sync:" + openKfid, cancellationToken);

        // Read under the lock: another host may have moved the cursor while this one waited.
        var cursor = await QueryAsync(db => db.KfCursors.AsNoTracking().Where(c => c.OpenKfId == openKfid).Select(c => c.Cursor).FirstOrDefaultAsync(cancellationToken));
        var calls = 0;
        while (true)
        {
            calls++;
            var page = await api.SyncAsync(new KfSyncRequest { OpenKfid = openKfid, Cursor = cursor, Token = token }, cancellationToken);
            if (page.Errcode == KfErrcodes.InvalidSyncToken && token is not null)
            {
                // The callback's token lasts 10 minutes; a late pull goes on without it (WeCom then limits the rate).
                token = null;
                continue;
            }

            if (page.Errcode != 0)
            {
                LogSyncRefused(logger, openKfid, page.Errcode);
                return calls;
            }

            foreach (var message in page.MsgList)
            {
                await handler.HandleAsync(openKfid, message, cancellationToken);
            }

            if (!string.IsNullOrEmpty(page.NextCursor) && page.NextCursor != cursor)
            {
                cursor = page.NextCursor;
                await StoreCursorAsync(openKfid, cursor, cancellationToken);
            }

            if (page.HasMore != 1)
            {
                return calls;
            }
        }
    }

    private async Task StoreCursorAsync(string openKfid, string cursor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.KfCursors.FirstOrDefaultAsync(c => c.OpenKfId == openKfid, cancellationToken);
        if (row is null)
        {
            db.KfCursors.Add(new KfCursor(openKfid, cursor, now));
        }
        else
        {
            row.MoveTo(cursor, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<T> QueryAsync<T>(Func<GridBotDbContext, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<GridBotDbContext>());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf sync_msg for {OpenKfid} refused with errcode {Errcode}")]
    private static partial void LogSyncRefused(ILogger logger, string openKfid, int errcode);
}
