namespace GridBot.Store.Coordination;

/// <summary>
/// A limit of N sends per rolling window per key (a WeCom group robot allows 20 a minute). In-process for one host;
/// Redis when several hosts send through the same robots, so together they never exceed it.
/// </summary>
public interface IRobotRateLimiter
{
    /// <returns>Zero when a send may go now; otherwise how long until one may.</returns>
    ValueTask<TimeSpan> TryAcquireAsync(string key, int permits, TimeSpan window, CancellationToken cancellationToken);
}
