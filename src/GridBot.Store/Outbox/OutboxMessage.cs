namespace GridBot.Store.Outbox;

/// <summary>
/// A message the bot says outside the current turn, written in the same transaction as the change
/// that caused it; the dispatcher sends it through the channel's sender and marks it. Made only by
/// <see cref="OutboxQueue.Enqueue"/>; what it says never changes after that, and its state moves only one way out of
/// <see cref="OutboxStatus.Pending"/>: by <see cref="Cancel"/> on a tracked row, or by the conditional updates of
/// <see cref="OutboxMoves"/> on rows the dispatcher does not track.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 500;

    // EF Core binds this constructor too (its parameters are named for the properties).
    internal OutboxMessage(
        string channel, string conversationId, string text, OutboxFormat format, string? serviceUrl, string? replyToId,
        string? mentions, byte[]? payload, DateTime createdUtc)
    {
        Channel = channel;
        ConversationId = conversationId;
        Text = text;
        Format = format;
        ServiceUrl = serviceUrl;
        ReplyToId = replyToId;
        Mentions = mentions;
        Payload = payload;
        CreatedUtc = createdUtc;
        NextAttemptUtc = createdUtc;
    }

    public long Id { get; private init; }
    public string Channel { get; private init; }
    public string ConversationId { get; private init; }
    public string? ServiceUrl { get; private init; }

    /// <summary>The activity this answers, when it is a reply delivered by callback.</summary>
    public string? ReplyToId { get; private init; }

    /// <summary>The message; for an image, a short alt text for channels that cannot show images.</summary>
    public string Text { get; private init; }

    public OutboxFormat Format { get; private init; }

    /// <summary>Channel user ids to @-mention, comma-separated ("@all" allowed); null for none.</summary>
    public string? Mentions { get; private init; }

    /// <summary>The image bytes (PNG or JPEG) when <see cref="Format"/> is <see cref="OutboxFormat.Image"/>.</summary>
    public byte[]? Payload { get; private init; }

    public DateTime CreatedUtc { get; private init; }
    public DateTime NextAttemptUtc { get; private set; }
    public int Attempts { get; private set; }
    public OutboxStatus Status { get; private set; }
    public DateTime? SentUtc { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>
    /// The claim a dispatcher put on the row while it sends it (with <see cref="NextAttemptUtc"/> moved to the lease's
    /// end): its result is recorded only under the same claim, and a row whose host died is claimed again after the lease.
    /// </summary>
    public Guid? LeaseId { get; private set; }

    /// <summary>
    /// Ends a row that must not go out any more (an announcement withdrawn before it was sent): failed, with the reason
    /// staff see. Only a pending row can be cancelled; a sent one is out already and a failed one is over.
    /// </summary>
    public void Cancel(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status != OutboxStatus.Pending)
        {
            throw new InvalidOperationException($"Outbox message {Id} is {Status}: only a pending message can be cancelled.");
        }

        Status = OutboxStatus.Failed;
        LastError = TrimError(reason);
        LeaseId = null;
    }

    internal static string TrimError(string reason) => reason.Length > MaxErrorLength ? reason[..MaxErrorLength] : reason;
}
