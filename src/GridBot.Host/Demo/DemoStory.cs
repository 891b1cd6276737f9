namespace GridBot.Host.Demo;

/// <summary>One report of the month: who said what, where and when, and how it went. Its own random source keeps the
/// later steps the same whatever order the history interleaves them in.</summary>
internal sealed class DemoStory(int index, DemoGridCast cast, int gridId, DemoPerson reporter, DemoReport report, DemoOutcome outcome, DateTime openedUtc, int seed)
{
    public int Index { get; } = index;
    public DemoGridCast Cast { get; } = cast;

    /// <summary>The grid of the ticket: the group's grid, or a micro-grid when its liaison reported it.</summary>
    public int GridId { get; } = gridId;
    public DemoPerson Reporter { get; } = reporter;
    public DemoReport Report { get; } = report;
    public DemoOutcome Outcome { get; } = outcome;
    public DateTime OpenedUtc { get; } = openedUtc;
    public Random Random { get; } = new(seed);

    /// <summary>Set once the ticket is saved.</summary>
    public int TicketId { get; set; }

    /// <summary>Set once a 不满意 sent it back (重办): the next rating is a real one.</summary>
    public bool Redone { get; set; }
}
