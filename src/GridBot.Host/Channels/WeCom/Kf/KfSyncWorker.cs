using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// Runs the pulls the callbacks asked for, off the request: WeCom wants the callback answered within 5 s, and a pull
/// of a busy account (turns included) can take longer. The queue lives in memory, so a callback acknowledged just
/// before a crash would wait for the account's next callback: at start every account with a stored cursor is pulled
/// once, and the messages WeCom holds past the cursor become turns then (dedup keeps any re-read once).
/// </summary>
internal sealed partial class KfSyncWorker(KfSyncQueue queue, KfSynchronizer synchronizer, IServiceScopeFactory scopes, ILogger<KfSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var accounts = await scope.ServiceProvider.GetRequiredService<Store.GridBotDbContext>().KfCursors.AsNoTracking()
                .Select(c => c.OpenKfId).ToListAsync(stoppingToken);
            foreach (var openKfid in accounts)
            {
                queue.Enqueue(openKfid, token: null);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogStartPullFailed(logger, ex);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            string openKfid;
            string? token;
            try
            {
                (openKfid, token) = await queue.TakeAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await synchronizer.SyncAsync(openKfid, token, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The next callback pulls again from the stored cursor; nothing read so far is lost.
                LogSyncFailed(logger, openKfid, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf start-up pull could not list the accounts; each pulls at its next callback")]
    private static partial void LogStartPullFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "kf sync of {OpenKfid} failed; the next callback retries from the stored cursor")]
    private static partial void LogSyncFailed(ILogger logger, string openKfid, Exception exception);
}
