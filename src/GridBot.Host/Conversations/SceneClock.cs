namespace GridBot.Host.Conversations;

/// <summary>
/// The replayed host's clock: real time plus the pauses the scenes asked for ("wait"), so a question can lapse and
/// a correction window can close without the run waiting for them. It only ever moves forward.
/// </summary>
internal sealed class SceneClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
