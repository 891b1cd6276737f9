namespace GridBot.Store.Coordination;

/// <summary>
/// Fast path for "have we handled this activity id / msgid?" with the replies it got. The database row
/// written with the turn stays the truth; this only saves the read for the common retry.
/// </summary>
public interface IProcessedActivityCache
{
    ValueTask<string?> GetRepliesAsync(string key, CancellationToken cancellationToken);

    ValueTask SetRepliesAsync(string key, string repliesJson, CancellationToken cancellationToken);
}
