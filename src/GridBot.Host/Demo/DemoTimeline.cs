namespace GridBot.Host.Demo;

/// <summary>
/// The month's steps in time order. A step may plan later ones (a closure plans the rating); steps due after the end
/// ("now") never run, which is how recent reports stay open. Equal times run in the order they were planned.
/// </summary>
internal sealed class DemoTimeline(HistoryClock clock, DateTime endUtc)
{
    private readonly PriorityQueue<Func<CancellationToken, Task>, (DateTime At, long Order)> _steps = new();
    private long _order;

    public DateTime EndUtc { get; } = endUtc;

    /// <summary>Plans a step; one planned in the past (a reply computed from an earlier moment) runs a minute from now.</summary>
    public void At(DateTime utc, Func<CancellationToken, Task> step)
    {
        var at = utc <= clock.NowUtc ? clock.NowUtc.AddMinutes(1) : utc;
        if (at < EndUtc)
        {
            _steps.Enqueue(step, (at, _order++));
        }
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        while (_steps.TryDequeue(out var step, out var when))
        {
            clock.MoveTo(when.At);
            await step(cancellationToken);
            ran++;
        }

        return ran;
    }
}
