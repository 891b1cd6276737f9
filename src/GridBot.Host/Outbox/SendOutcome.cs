namespace GridBot.Host.Outbox;

public abstract record SendOutcome
{
    public static readonly SendOutcome Sent = new Delivered();

    public sealed record Delivered : SendOutcome;

    /// <summary>Worth trying again later (network, 5xx, 429).</summary>
    public sealed record Transient(string Reason) : SendOutcome;

    /// <summary>Will never work (4xx, forbidden address); kept with its reason for staff to see.</summary>
    public sealed record Permanent(string Reason) : SendOutcome;

    /// <summary>
    /// Could not be sent, and the sender has already marked the row failed itself, in one transaction with what takes its
    /// place (kf's 回访 task), so a crash neither loses the notice nor makes a second task: nothing is left to record.
    /// </summary>
    public sealed record HandedOver(string Reason) : SendOutcome;

    /// <summary>
    /// GridBot's own limiter held the send back before anything left the host: not a failure and not an attempt, the
    /// row simply waits until <see cref="RetryAfter"/> has passed.
    /// </summary>
    public sealed record NotYet(TimeSpan RetryAfter) : SendOutcome;
}
