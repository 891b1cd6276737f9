namespace GridBot.Store.Grids;

/// <summary>A group chat bound to a grid on one channel.</summary>
public sealed class Chat
{
    public int Id { get; set; }
    public required string Channel { get; set; }
    public required string ChatId { get; set; }
    public required string Name { get; set; }

    /// <summary>
    /// WeCom group robot (消息推送) key: whoever holds it can post into the group, so it is a secret — never logged,
    /// masked wherever a chat is shown. Null for channels without a push robot.
    /// </summary>
    public string? WebhookKey { get; set; }
    public int GridId { get; set; }
    public Grid? Grid { get; set; }
}
