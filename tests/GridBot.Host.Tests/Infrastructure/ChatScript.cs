using System.Net;
using System.Net.Http.Json;
using GridBot.Dialogs.Core;

namespace GridBot.Host.Tests.Infrastructure;

/// <summary>Talks to the bot in one conversation the way the chat page does, so tests read like a chat.</summary>
public sealed class ChatScript(GridBotTestHost host, string conversationId, bool isGroup)
{
    public const string Channel = "demo";

    public string ConversationId => conversationId;

    public async Task<Reply> SayAsync(Person who, string text, CancellationToken cancellationToken, string? activityId = null, params Attachment[] attachments)
    {
        var activity = Build(who, text, activityId);
        if (attachments.Length > 0)
        {
            activity.Attachments = [.. attachments];
        }

        var response = await host.PostActivityAsync(activity, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync(ActivityJson.Default.ExpectedReplies, cancellationToken);
        return new Reply(body!.Activities);
    }

    /// <summary>"@网格小助手 …" with the mention entity the chat page sends: a message addressed to the bot.</summary>
    public async Task<Reply> SayToBotAsync(Person who, string text, CancellationToken cancellationToken)
    {
        var activity = Build(who, "@网格小助手 " + text);
        activity.Entities = [Entity.MentionOf("gridbot", "网格小助手")];
        var response = await host.PostActivityAsync(activity, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync(ActivityJson.Default.ExpectedReplies, cancellationToken);
        return new Reply(body!.Activities);
    }

    public Activity Build(Person who, string text, string? activityId = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = activityId ?? Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = Channel,
        ServiceUrl = host.Address.ToString().TrimEnd('/'),
        From = new ChannelAccount { Id = who.Id, Name = who.Name },
        Recipient = new ChannelAccount { Id = "gridbot", Name = "网格小助手" },
        Conversation = new ConversationAccount { Id = conversationId, IsGroup = isGroup },
        Text = text,
        DeliveryMode = DeliveryModes.ExpectReplies,
    };
}
