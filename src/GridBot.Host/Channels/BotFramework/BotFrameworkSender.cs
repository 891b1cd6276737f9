using System.Net;
using System.Net.Http.Json;
using GridBot.Dialogs.Core;
using GridBot.Host.Configuration;
using GridBot.Host.Outbox;
using GridBot.Store.Outbox;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.BotFramework;

/// <summary>Posts to the caller's serviceUrl as the Bot Framework connector API does.</summary>
internal sealed class BotFrameworkSender(IHttpClientFactory httpClients, IOptions<BotFrameworkOptions> options) : IChannelSender
{
    public const string ChannelName = "botframework";
    public const string HttpClientName = "botframework";

    public string Channel => ChannelName;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!options.Value.IsAllowed(message.ServiceUrl))
        {
            return new SendOutcome.Permanent("serviceUrl is not in BotFramework:AllowedServiceUrls");
        }

        var conversation = Uri.EscapeDataString(message.ConversationId);
        var path = message.ReplyToId is null
            ? $"v3/conversations/{conversation}/activities"
            : $"v3/conversations/{conversation}/activities/{Uri.EscapeDataString(message.ReplyToId)}";
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"outbox-{message.Id}",
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = message.Channel,
            ServiceUrl = message.ServiceUrl,
            Conversation = new ConversationAccount { Id = message.ConversationId },
            From = new ChannelAccount { Id = "gridbot", Name = "网格小助手" },
            ReplyToId = message.ReplyToId,
            Text = message.Text,
            TextFormat = message.Format == OutboxFormat.Markdown ? "markdown" : "plain",
            Attachments = message is { Format: OutboxFormat.Image, Payload: { } image } ? [ImageAttachment(image)] : null,
            Locale = "zh-CN",
        };
        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(new Uri(new Uri(message.ServiceUrl!.TrimEnd('/') + "/"), path), activity, ActivityJson.Default.Activity, cancellationToken);
        return response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => SendOutcome.Sent,
            HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => new SendOutcome.Transient($"HTTP {(int)response.StatusCode}"),
            >= HttpStatusCode.InternalServerError => new SendOutcome.Transient($"HTTP {(int)response.StatusCode}"),
            _ => new SendOutcome.Permanent($"HTTP {(int)response.StatusCode}"),
        };
    }

    // Connector clients accept inline images as data URIs; the bytes are small charts, not photos.
    private static Attachment ImageAttachment(byte[] image) => new()
    {
        ContentType = ImageFormats.ContentTypeOf(image),
        ContentUrl = $"data:{ImageFormats.ContentTypeOf(image)};base64,{Convert.ToBase64String(image)}",
    };
}
