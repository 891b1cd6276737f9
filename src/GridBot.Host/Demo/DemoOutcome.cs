namespace GridBot.Host.Demo;

/// <summary>How one resident's report went over the month (steps after "now" never happen, so recent ones stay open).</summary>
internal enum DemoOutcome
{
    /// <summary>Dispatched, done on time, rated 满意.</summary>
    Satisfied,

    /// <summary>Dispatched, done on time, rated 基本满意.</summary>
    BasicallySatisfied,

    /// <summary>Rated 不满意, redone (重办), then rated again.</summary>
    Redone,

    /// <summary>Rated 不满意 and back at work.</summary>
    RedoOpen,

    /// <summary>Done after the deadline: the deadline chaser reminds, chases and escalates on its own meanwhile.</summary>
    Late,

    /// <summary>The grid leader escalates it to the community, whose staff finish it.</summary>
    Escalated,

    /// <summary>Never finished: urged (催办) and raised to the leader, chased and escalated up to the street, overdue.</summary>
    Stuck,

    /// <summary>The resident withdraws it (撤回).</summary>
    Withdrawn,

    /// <summary>A question, suggestion or praise, answered (答复).</summary>
    Answered,
}
