using GridBot.Store.Coordination;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Conversations;

/// <summary>
/// The one dedup API: the processed-activity key, the lookup (the cache first, the database row as the truth) and the
/// mark, staged in the turn's transaction and cached only once that commits. Used by the pipeline's dedup step and by
/// every channel that asks "was this msgid answered?" (the AI bot's stream refresh).
/// </summary>
public sealed class ActivityDedup(GridBotDbContext db, IProcessedActivityCache cache)
{
    /// <summary>What an activity id is known by: ids are only unique within their channel.</summary>
    public static string Key(string? channelId, string? activityId) => $"{channelId}|{activityId}";

    /// <returns>The replies (JSON) the activity got when it was handled, or null if it never was.</returns>
    public async Task<string?> FindRepliesAsync(string key, CancellationToken cancellationToken) =>
        await cache.GetRepliesAsync(key, cancellationToken)
        ?? await db.ProcessedActivities.AsNoTracking().Where(p => p.Key == key).Select(p => p.RepliesJson).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Marks the activity handled with its replies, in <paramref name="turn"/>'s commit.</summary>
    public void Mark(TurnTransaction turn, string key, string repliesJson, DateTime nowUtc)
    {
        db.ProcessedActivities.Add(new ProcessedActivity { Key = key, ProcessedUtc = nowUtc, RepliesJson = repliesJson });
        turn.AfterCommit(cancellationToken => cache.SetRepliesAsync(key, repliesJson, cancellationToken));
    }
}
