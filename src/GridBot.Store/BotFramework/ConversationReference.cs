namespace GridBot.Store.BotFramework;

/// <summary>
/// What a proactive send into one Bot Framework conversation needs, taken from the last authenticated activity seen
/// in it: the connector's serviceUrl (it can change, so the latest one wins), the bot's id on that channel and the
/// tenant. A chat that never spoke has none, and nothing can be sent there.
/// </summary>
public sealed class ConversationReference
{
    public long Id { get; init; }
    public required string Channel { get; init; }
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }

    /// <summary>The bot's account on the channel (the activity's recipient), the sender of what GridBot posts.</summary>
    public required string BotId { get; init; }
    public string? BotName { get; init; }
    public string? TenantId { get; init; }
    public bool IsGroup { get; init; }
    public DateTime LastSeenUtc { get; init; }
}
