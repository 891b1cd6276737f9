using GridBot.Store.Coordination;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Conversations;

/// <summary>
/// The one dedup API: the processed-activity key, the lookup (the cache first, the database row as the truth) and the
/// mark, staged in the turn's transaction and cached only once that commits. The pipeline's dedup step asks the cache
/// only: an id the cache does not know runs its turn, and if the database already holds its mark the turn's commit
/// meets the mark's primary key and the turn is answered from <see cref="StoredRepliesAsync"/> instead
/// (TurnTransactionMiddleware), so a new id costs no read. Channels that ask "was this msgid answered?" outside a turn
/// (the AI bot's stream refresh) use <see cref="FindRepliesAsync"/>.
/// </summary>
public sealed class ActivityDedup(GridBotDbContext db, IProcessedActivityCache cache)
{
    /// <summary>What an activity id is known by: ids are only unique within their channel.</summary>
    public static string Key(string? channelId, string? activityId) => $"{channelId}|{activityId}";

    /// <returns>The replies (JSON) the activity got when it was handled, or null if it never was.</returns>
    public async Task<string?> FindRepliesAsync(string key, CancellationToken cancellationToken) =>
        await CachedRepliesAsync(key, cancellationToken) ?? await StoredRepliesAsync(key, cancellationToken);

    /// <returns>The replies the cache holds for the activity; null when it does not know it (handled or not).</returns>
    public ValueTask<string?> CachedRepliesAsync(string key, CancellationToken cancellationToken) =>
        cache.GetRepliesAsync(key, cancellationToken);

    /// <returns>The replies in the activity's database mark, the truth; null if it was never handled.</returns>
    public async Task<string?> StoredRepliesAsync(string key, CancellationToken cancellationToken) =>
        await db.ProcessedActivities.AsNoTracking().Where(p => p.Key == key).Select(p => p.RepliesJson).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Marks the activity handled with its replies, in <paramref name="turn"/>'s commit.</summary>
    public void Mark(TurnTransaction turn, string key, string repliesJson, DateTime nowUtc)
    {
        var mark = new ProcessedActivity { Key = key, ProcessedUtc = nowUtc, RepliesJson = repliesJson };
        db.ProcessedActivities.Add(mark);
        // The mark as committed: the commit wrote the ticket numbers over their placeholders in it.
        turn.AfterCommit(cancellationToken => cache.SetRepliesAsync(key, mark.RepliesJson, cancellationToken));
    }
}
