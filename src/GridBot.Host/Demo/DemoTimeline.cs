namespace GridBot.Host.Demo;

/// <summary>
/// The month's steps in time order. A step may plan later ones (a closure plans the rating); steps due after the end
/// ("now") never run, which is how recent reports stay open. Equal times run in the order they were planned.
/// Ticket steps that follow one another share one unit of work, which is settled before any other step (the chaser,
/// a huddle, the publisher), so those always read the tickets as committed.
/// </summary>
internal sealed class DemoTimeline(HistoryClock clock, DateTime endUtc)
{
    private readonly PriorityQueue<(Func<CancellationToken, Task> Step, bool TicketStep), (DateTime At, long Order)> _steps = new();
    private long _order;

    public DateTime EndUtc { get; } = endUtc;

    /// <summary>Plans a step; one planned in the past (a reply computed from an earlier moment) runs a minute from now.</summary>
    public void At(DateTime utc, Func<CancellationToken, Task> step) => Plan(utc, step, ticketStep: false);

    /// <summary>Plans a step that only changes tickets in the open ticket unit of work.</summary>
    public void TicketStepAt(DateTime utc, Func<CancellationToken, Task> step) => Plan(utc, step, ticketStep: true);

    /// <param name="settle">Commits the ticket steps' unit of work: before every other step and at the end.</param>
    public async Task<int> RunAsync(Func<CancellationToken, Task> settle, CancellationToken cancellationToken)
    {
        var ran = 0;
        while (_steps.TryDequeue(out var planned, out var when))
        {
            if (!planned.TicketStep)
            {
                await settle(cancellationToken);
            }

            clock.MoveTo(when.At);
            await planned.Step(cancellationToken);
            ran++;
        }

        await settle(cancellationToken);
        return ran;
    }

    private void Plan(DateTime utc, Func<CancellationToken, Task> step, bool ticketStep)
    {
        var at = utc <= clock.NowUtc ? clock.NowUtc.AddMinutes(1) : utc;
        if (at < EndUtc)
        {
            _steps.Enqueue((step, ticketStep), (at, _order++));
        }
    }
}
