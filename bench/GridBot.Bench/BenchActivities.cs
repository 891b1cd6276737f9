using GridBot.Dialogs.Core;

namespace GridBot.Bench;

/// <summary>Bot Framework Activities as the chat page posts them to /api/webchat/messages, with the replies in the answer.</summary>
internal static class BenchActivities
{
    public static Activity GroupMessage(string id, string conversationId, string fromId, string fromName, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "demo",
        ServiceUrl = "http://127.0.0.1",
        From = new ChannelAccount { Id = fromId, Name = fromName },
        Recipient = new ChannelAccount { Id = "gridbot", Name = "网格小助手" },
        Conversation = new ConversationAccount { Id = conversationId, IsGroup = true },
        Text = text,
        DeliveryMode = DeliveryModes.ExpectReplies,
    };
}
