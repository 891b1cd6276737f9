using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GridBot.Dialogs.Core;
using GridBot.Host.Configuration;
using GridBot.Host.Outbox;
using GridBot.Store.BotFramework;
using GridBot.Store.Outbox;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.BotFramework;

/// <summary>
/// Sends outbox rows of every Bot Framework channel (directline, msteams, emulator, webchat, ...) through the connector
/// API of the conversation's stored reference: <c>{serviceUrl}/v3/conversations/{id}/activities</c>, with GridBot's
/// client-credentials token when authentication is on. A conversation that never spoke has no reference and cannot be
/// reached: the row fails permanently and says so.
/// </summary>
internal sealed class BotFrameworkSender(
    IHttpClientFactory httpClients,
    ConversationReferences references,
    BotFrameworkTokens tokens,
    IOptions<BotFrameworkOptions> options) : IChannelSender
{
    /// <summary>The dispatcher hands this sender every row whose channel has no sender of its own.</summary>
    public const string ChannelName = "botframework";
    public const string HttpClientName = "botframework";

    public string Channel => ChannelName;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var reference = await references.FindAsync(message.Channel, message.ConversationId, cancellationToken);
        if (reference is null)
        {
            return new SendOutcome.Permanent(
                $"没有会话引用（no conversation reference）：该会话还没有在 {message.Channel} 渠道上给机器人发过消息，无法主动发送");
        }

        if (!options.Value.IsAllowed(reference.ServiceUrl))
        {
            return new SendOutcome.Permanent("serviceUrl is not in BotFramework:AllowedServiceUrls");
        }

        var conversation = Uri.EscapeDataString(reference.ConversationId);
        var path = message.ReplyToId is null
            ? $"v3/conversations/{conversation}/activities"
            : $"v3/conversations/{conversation}/activities/{Uri.EscapeDataString(message.ReplyToId)}";
        var uri = new Uri(new Uri(reference.ServiceUrl.TrimEnd('/') + "/"), path);
        var activity = ToActivity(message, reference);

        using var first = await PostAsync(uri, activity, cancellationToken);
        if (first.Failure is { } failure)
        {
            return new SendOutcome.Transient(failure);
        }

        if (first.Response!.StatusCode == HttpStatusCode.Unauthorized && first.Token is { } rejected)
        {
            // The connector no longer takes our token (revoked, clock): drop it and try once with a fresh one.
            await tokens.InvalidateAsync(rejected, cancellationToken);
            using var second = await PostAsync(uri, activity, cancellationToken);
            return second.Failure is { } again ? new SendOutcome.Transient(again) : await OutcomeOfAsync(second.Response!, cancellationToken);
        }

        return await OutcomeOfAsync(first.Response, cancellationToken);
    }

    private async Task<Attempt> PostAsync(Uri uri, Activity activity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(activity, ActivityJson.Default.Activity),
        };
        string? token = null;
        if (options.Value.AuthenticationEnabled)
        {
            (token, var failure) = await tokens.GetAsync(cancellationToken);
            if (token is null)
            {
                return new Attempt(null, null, failure);
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        return new Attempt(response, token, null);
    }

    private static async Task<SendOutcome> OutcomeOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return SendOutcome.Sent;
        }

        var status = (int)response.StatusCode;
        var reason = $"HTTP {status}{await ConnectorErrorAsync(response, cancellationToken)}";
        return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500
            ? new SendOutcome.Transient(reason)
            : new SendOutcome.Permanent(reason);
    }

    /// <summary>The connector's error body ({"error":{"code","message"}}) says why, e.g. the bot was removed from the chat.</summary>
    private static async Task<string> ConnectorErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ConnectorError>(cancellationToken);
            return body?.Error is { } error ? $" {error.Code}: {error.Message}" : "";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            return "";
        }
    }

    private static Activity ToActivity(OutboxMessage message, ConversationReference reference) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"outbox-{message.Id}",
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = reference.Channel,
        ServiceUrl = reference.ServiceUrl,
        Conversation = new ConversationAccount { Id = reference.ConversationId, IsGroup = reference.IsGroup, TenantId = reference.TenantId },
        From = new ChannelAccount { Id = reference.BotId, Name = reference.BotName ?? "网格小助手" },
        ReplyToId = message.ReplyToId,
        Text = message.Text,
        TextFormat = message.Format == OutboxFormat.Markdown ? "markdown" : "plain",
        Attachments = message is { Format: OutboxFormat.Image, Payload: { } image } ? [ImageAttachment(image)] : null,
        Locale = "zh-CN",
    };

    // Connector clients accept inline images as data URIs; the bytes are small charts, not photos.
    private static Attachment ImageAttachment(byte[] image) => new()
    {
        ContentType = ImageFormats.ContentTypeOf(image),
        ContentUrl = $"data:{ImageFormats.ContentTypeOf(image)};base64,{Convert.ToBase64String(image)}",
    };

    private sealed record Attempt(HttpResponseMessage? Response, string? Token, string? Failure) : IDisposable
    {
        public void Dispose() => Response?.Dispose();
    }

    private sealed record ConnectorError(ConnectorErrorBody? Error);

    private sealed record ConnectorErrorBody(string? Code, string? Message);
}
