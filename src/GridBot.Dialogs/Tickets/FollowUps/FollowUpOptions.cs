namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>How residents' follow-ups on their own tickets behave (section <c>FollowUps</c>).</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "FollowUps";

    /// <summary>After this many urges (催办) a ticket is raised to the grid leader's attention (12345 practice).</summary>
    public int UrgesToRaise { get; set; } = 2;

    /// <summary>How long after reporting a resident may correct the place or the description themselves.</summary>
    public TimeSpan CorrectionWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Urges by the same person closer together than this count once ("刚刚已帮您催过").</summary>
    public TimeSpan UrgeRepeatWithin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a question asked back (which ticket? really withdraw?) waits for its answer.</summary>
    public TimeSpan QuestionLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
