namespace GridBot.Store.Coordination;

/// <summary>
/// Serialises turns of one conversation, so two messages from the same group never load and save
/// the same dialog state at once. In-process for one host; Redis when several hosts share the work.
/// </summary>
public interface ITurnLock
{
    ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}
