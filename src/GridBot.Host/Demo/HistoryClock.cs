namespace GridBot.Host.Demo;

/// <summary>
/// The clock the demo history is written with: set to each past moment before the domain code runs, so every
/// timestamp, ticket number, deadline and "today" in a text is the one the bot would have written then, instead of
/// timestamps edited afterwards.
/// </summary>
internal sealed class HistoryClock(DateTime startUtc) : TimeProvider
{
    public DateTime NowUtc { get; private set; } = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(NowUtc);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>History only moves forward: a step scheduled before the last one is a bug of the script.</summary>
    public void MoveTo(DateTime utc)
    {
        if (utc < NowUtc)
        {
            throw new InvalidOperationException($"The demo history went back in time: {utc:O} after {NowUtc:O}.");
        }

        NowUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
    }
}
