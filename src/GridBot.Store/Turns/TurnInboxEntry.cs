namespace GridBot.Store.Turns;

/// <summary>
/// A message a channel acknowledged before its turn committed (a passive reply that ran out of budget), recorded in
/// its own small transaction before the acknowledgement: the turn's commit removes it, and a row still here after a
/// crash or a refused write is run again (same activity id, so dedup keeps it once) and answered by its late route.
/// </summary>
public sealed class TurnInboxEntry
{
    /// <summary>The processed-activity key (<see cref="Conversations.ActivityDedup.Key"/>): one row per message.</summary>
    public required string Key { get; set; }

    /// <summary>The Activity as the channel parsed it.</summary>
    public required string ActivityJson { get; set; }

    /// <summary>Where the late answer goes (an outbox channel, conversation and serviceUrl); null to keep it in the record only.</summary>
    public string? LateChannel { get; set; }

    public string? LateConversationId { get; set; }

    public string? LateServiceUrl { get; set; }

    public DateTime AcceptedUtc { get; set; }

    /// <summary>Replays tried so far; a message that keeps failing is left for a person after <c>TurnInbox.MaxAttempts</c>.</summary>
    public int Attempts { get; set; }
}
