namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// Runs the pulls the callbacks asked for, off the request: WeCom wants the callback answered within 5 s, and a pull
/// of a busy account (turns included) can take longer.
/// </summary>
internal sealed partial class KfSyncWorker(KfSyncQueue queue, KfSynchronizer synchronizer, ILogger<KfSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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

    [LoggerMessage(Level = LogLevel.Error, Message = "kf sync of {OpenKfid} failed; the next callback retries from the stored cursor")]
    private static partial void LogSyncFailed(ILogger logger, string openKfid, Exception exception);
}
