using System.Threading.RateLimiting;

namespace GridBot.Store.Coordination;

/// <summary>
/// One <see cref="SlidingWindowRateLimiter"/> per key. Its window moves in segments, so a permit can come back up to
/// one segment before a full window has passed since it was used; the window is stretched by one segment so no rolling
/// window ever sees more than the limit.
/// </summary>
public sealed class InProcessRobotRateLimiter : IRobotRateLimiter, IDisposable
{
    private const int Segments = 10;
    private readonly PartitionedRateLimiter<(string Key, int Permits, TimeSpan Window)> _limiter =
        PartitionedRateLimiter.Create<(string Key, int Permits, TimeSpan Window), (string, int, TimeSpan)>(resource =>
            RateLimitPartition.GetSlidingWindowLimiter(resource, r => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = r.Permits,
                Window = r.Window * Segments / (Segments - 1),
                SegmentsPerWindow = Segments,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    public ValueTask<TimeSpan> TryAcquireAsync(string key, int permits, TimeSpan window, CancellationToken cancellationToken)
    {
        using var lease = _limiter.AttemptAcquire((key, permits, window));
        if (lease.IsAcquired)
        {
            return ValueTask.FromResult(TimeSpan.Zero);
        }

        return ValueTask.FromResult(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : window / Segments);
    }

    public void Dispose() => _limiter.Dispose();
}
