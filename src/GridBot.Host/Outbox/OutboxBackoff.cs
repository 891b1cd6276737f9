namespace GridBot.Host.Outbox;

/// <summary>
/// When a row whose send failed for now is due again: <c>Outbox:FirstRetryDelay</c> after the first attempt, doubling
/// after each one after it (at most 10 min), each wait jittered ×0.5–1.5 so rows that failed together (a WeCom hiccup
/// during an announcement) do not come back together. The row waits as a pending row, not in a send slot: a retry is a
/// new claim, a new attempt and a new permit of the robot's limit.
/// </summary>
internal static class OutboxBackoff
{
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);

    /// <param name="attempts">Attempts made so far, the failed one included (1 after the first).</param>
    /// <param name="jitter">A number in [0, 1): where in the ×0.5–1.5 band this wait falls.</param>
    public static TimeSpan Wait(int attempts, TimeSpan firstRetry, double jitter)
    {
        var doubled = firstRetry.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, doubled) * (0.5 + jitter));
    }
}
