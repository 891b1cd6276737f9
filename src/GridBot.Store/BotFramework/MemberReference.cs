namespace GridBot.Store.BotFramework;

/// <summary>
/// What a proactive 1:1 message to one person on a Bot Framework channel needs when no conversation with them is known:
/// the connector's serviceUrl, the bot's id and the tenant under which the connector opens a conversation with them.
/// </summary>
public sealed class MemberReference
{
    public long Id { get; init; }
    public required string Channel { get; init; }
    public required string UserId { get; init; }
    public required string ServiceUrl { get; init; }
    public required string BotId { get; init; }
    public string? TenantId { get; init; }

    /// <summary>The person's private conversation with the bot, when the last one seen was private.</summary>
    public string? PrivateConversationId { get; init; }
    public DateTime LastSeenUtc { get; init; }
}
