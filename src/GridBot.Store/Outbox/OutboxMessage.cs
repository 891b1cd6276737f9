namespace GridBot.Store.Outbox;

/// <summary>
/// A message the bot says outside the current turn, written in the same transaction as the change
/// that caused it; the dispatcher sends it through the channel's sender and marks it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }
    public string? ServiceUrl { get; set; }

    /// <summary>The activity this answers, when it is a reply delivered by callback.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>The message; for an image, a short alt text for channels that cannot show images.</summary>
    public required string Text { get; set; }

    public OutboxFormat Format { get; set; }

    /// <summary>Channel user ids to @-mention, comma-separated ("@all" allowed); null for none.</summary>
    public string? Mentions { get; set; }

    /// <summary>The image bytes (PNG or JPEG) when <see cref="Format"/> is <see cref="OutboxFormat.Image"/>.</summary>
    public byte[]? Payload { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public int Attempts { get; set; }
    public OutboxStatus Status { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// The claim a dispatcher put on the row while it sends it (with <see cref="NextAttemptUtc"/> moved to the lease's
    /// end): its result is recorded only under the same claim, and a row whose host died is claimed again after the lease.
    /// </summary>
    public Guid? LeaseId { get; set; }
}
