namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// Exponential backoff with "equal jitter": attempt n waits between half and all of min(max, first × 2ⁿ⁻¹), so
/// hosts (and GridBots of many communities) that lost WeCom at the same moment do not all come back in the same second.
/// </summary>
internal static class AiBotBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan max, Random random)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }
}
