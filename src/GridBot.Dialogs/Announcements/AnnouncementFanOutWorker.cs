using System.Collections.Concurrent;
using System.Threading.Channels;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// Carries fan-outs on after their first chunk, one chunk per transaction (<see cref="AnnouncementFanOut"/>): inline for
/// the API, the command line and the scheduled job (<see cref="ContinueAsync"/>), here for a chat turn (queued after its
/// commit, so the turn does not wait for 2,009 chats), and at start-up and every <see cref="Interval"/> for any fan-out
/// a stopped process left unfinished (its cursor says where). Two processes on the same fan-out are harmless: the
/// cursor is a concurrency token, so the second writer of a chunk fails and leaves the rest to the first.
/// </summary>
public sealed partial class AnnouncementFanOutWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<AnnouncementFanOutWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly Channel<long> _queued = Channel.CreateUnbounded<long>();

    /// <summary>Fan-outs this process is writing now: a sweep passes them by.</summary>
    private readonly ConcurrentDictionary<long, byte> _running = new();

    /// <summary>Hands the rest of a fan-out whose first chunk has committed to this worker.</summary>
    public void Queue(long announcementId) => _queued.Writer.TryWrite(announcementId);

    /// <summary>
    /// Writes the remaining chunks, each in its own scope and transaction, until none is left. A failure is logged, not
    /// thrown: the announcement is published and the next sweep resumes it.
    /// </summary>
    public async Task ContinueAsync(long announcementId, CancellationToken cancellationToken)
    {
        if (!_running.TryAdd(announcementId, 0))
        {
            return;
        }

        try
        {
            IReadOnlyList<ReachedChat> chats;
            await using (var scope = scopes.CreateAsyncScope())
            {
                // The reach once per run, outside any write: each chunk takes its chats from this list after the cursor.
                chats = await scope.ServiceProvider.GetRequiredService<AnnouncementFanOut>().RemainingChatsAsync(announcementId, cancellationToken);
            }

            var more = chats.Count > 0;
            while (more)
            {
                await using var scope = scopes.CreateAsyncScope();
                more = await scope.ServiceProvider.GetRequiredService<AnnouncementFanOut>().WriteNextChunkAsync(announcementId, chats, cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            LogTakenOver(logger, announcementId);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Published already: the caller's answer stands, and the cursor says where the next sweep goes on.
            LogFanOutFailed(logger, announcementId, ex);
        }
        finally
        {
            _running.TryRemove(announcementId, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queued = QueuedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be refusing reads; the cursors stay and the next sweep tries again.
                LogSweepFailed(logger, ex);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await queued.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task QueuedAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _queued.Reader.ReadAllAsync(stoppingToken))
        {
            await ContinueAsync(id, stoppingToken);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        List<long> unfinished;
        await using (var scope = scopes.CreateAsyncScope())
        {
            unfinished = await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().Announcements.AsNoTracking()
                .Where(a => a.FanOutCursor != null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in unfinished.Where(id => !_running.ContainsKey(id)))
        {
            LogResuming(logger, id);
            await ContinueAsync(id, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Announcement {AnnouncementId}: resuming its unfinished fan-out")]
    private static partial void LogResuming(ILogger logger, long announcementId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Announcement {AnnouncementId}: another writer moved its fan-out on first; leaving the rest to it")]
    private static partial void LogTakenOver(ILogger logger, long announcementId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Announcement {AnnouncementId}: its fan-out failed; the cursor stays and the next sweep resumes it")]
    private static partial void LogFanOutFailed(ILogger logger, long announcementId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for unfinished announcement fan-outs failed; retrying at the next sweep")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
