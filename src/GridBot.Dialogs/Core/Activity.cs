using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridBot.Dialogs.Core;

/// <summary>
/// One message or event, wire-compatible with the Bot Framework Activity schema (camelCase JSON),
/// so the Bot Framework Emulator and Direct Line style clients can talk to GridBot unchanged.
/// </summary>
public sealed class Activity
{
    public string Type { get; set; } = ActivityTypes.Message;
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    public string? ReplyToId { get; set; }
    public string? DeliveryMode { get; set; }
    public JsonElement? ChannelData { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }

    /// <summary>Schema fields GridBot does not model are kept, so a reply can echo them.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public IEnumerable<Mention> Mentions() =>
        Entities?.Where(e => e.Type == "mention" && e.Mentioned is not null)
            .Select(e => new Mention(e.Mentioned!, e.Text)) ?? [];

    /// <summary>A reply addressed back into the same conversation, as Bot Framework's CreateReply does.</summary>
    public Activity CreateReply(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        From = Recipient,
        Recipient = From,
        Conversation = Conversation,
        ReplyToId = Id,
        Text = text,
        TextFormat = "plain",
        Locale = "zh-CN",
    };
}
