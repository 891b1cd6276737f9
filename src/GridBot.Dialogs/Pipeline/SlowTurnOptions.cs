using System.ComponentModel.DataAnnotations;

namespace GridBot.Dialogs.Pipeline;

/// <summary><c>Testing:SlowTurns</c>: the crash test's slow-turn hook (<see cref="SlowTurnHookMiddleware"/>). Never set in production.</summary>
public sealed class SlowTurnOptions
{
    public const string SectionName = "Testing:SlowTurns";

    /// <summary>How long a chosen turn waits; zero (the default) turns the hook off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Delay { get; set; }

    /// <summary>One turn in this many is slow.</summary>
    [Range(1, 1_000_000)]
    public int Every { get; set; } = 1;
}
