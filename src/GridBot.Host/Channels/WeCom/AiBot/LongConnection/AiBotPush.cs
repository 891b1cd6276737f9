using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GridBot.Host.Channels.WeCom.Webhook;
using GridBot.Host.Outbox;
using GridBot.Store.Coordination;
using GridBot.Store.Outbox;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// Pushes an outbox row into a chat over the long connection (aibot_send_msg: a group's chatid or a person's userid).
/// Text goes as markdown (WeCom refuses plain text pushes) with mentions inline as &lt;@userid&gt;; an image is uploaded
/// by the three upload commands and sent by media_id. Only the host holding the connection sends; on the others the row
/// waits (<see cref="SendOutcome.NotYet"/>) for the holder to claim it. Limits per chat and per bot are held in the
/// shared limiter (Redis when configured), so two hosts together stay under them.
/// </summary>
internal sealed class AiBotPush(AiBotConnectionStatus status, IRobotRateLimiter limiter, IOptions<WeComOptions> options)
{
    private const int MaxMarkdownBytes = WeComWebhookMessage.MaxMarkdownBytes;
    private const int UploadChunkBytes = 512 * 1024;
    private static readonly TimeSpan NotHere = TimeSpan.FromSeconds(1);

    public bool IsEnabled => options.Value.AiBot.IsLongConnection;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var bot = options.Value.AiBot;
        if (status.Socket is not { } socket)
        {
            return new SendOutcome.NotYet(NotHere);
        }

        if (message.Format == OutboxFormat.Image && (message.Payload is not { Length: > 0 and <= WeComWebhookMessage.MaxImageBytes }))
        {
            return new SendOutcome.Permanent("the image is empty or over 2 MB");
        }

        var wait = await limiter.TryAcquireAsync($"aibot:{bot.BotId}", bot.LongConnection.PushesPerBotPerHour, TimeSpan.FromHours(1), cancellationToken);
        if (wait == TimeSpan.Zero)
        {
            wait = await limiter.TryAcquireAsync($"aibot-chat:{message.ConversationId}", bot.LongConnection.PushesPerChatPerMinute, TimeSpan.FromMinutes(1), cancellationToken);
        }

        if (wait > TimeSpan.Zero)
        {
            return new SendOutcome.NotYet(wait);
        }

        try
        {
            var body = message.Format == OutboxFormat.Image
                ? await ImageBodyAsync(socket, message.Payload!, cancellationToken)
                : MarkdownBody(message);
            if (body is null)
            {
                return new SendOutcome.Transient("image upload not accepted");
            }

            body["chatid"] = message.ConversationId;
            var ack = await socket.RequestAsync(AiBotCommands.Send, AiBotCommands.NewReqId(AiBotCommands.Send), body, bot.LongConnection.AckTimeout, cancellationToken);
            return ack.Errcode switch
            {
                0 => SendOutcome.Sent,
                45009 or -1 => new SendOutcome.Transient($"aibot_send_msg errcode {ack.Errcode}"),
                _ => new SendOutcome.Permanent($"aibot_send_msg errcode {ack.Errcode}"),
            };
        }
        catch (AiBotNotAckedException ex)
        {
            // Not acked is not known to be lost or delivered: the outbox tries again (WeCom has no idempotency key here).
            return new SendOutcome.Transient(ex.Message);
        }
    }

    private static JsonObject MarkdownBody(OutboxMessage message)
    {
        var named = OutboxMentions.Split(message.Mentions).Where(m => m != "@all").Select(m => $"<@{m}>").ToList();
        List<string> lines = named.Count == 0 ? [.. message.Text.Split('\n')] : [string.Join(' ', named), .. message.Text.Split('\n')];
        return new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = WeComMarkdown.Fit(lines, MaxMarkdownBytes) } };
    }

    private async Task<JsonObject?> ImageBodyAsync(AiBotSocket socket, byte[] image, CancellationToken cancellationToken)
    {
        var timeout = options.Value.AiBot.LongConnection.AckTimeout;
        var chunks = (image.Length + UploadChunkBytes - 1) / UploadChunkBytes;
        var extension = ImageFormats.ContentTypeOf(image) == "image/png" ? "png" : "jpg";
        var init = await socket.RequestAsync(AiBotCommands.UploadInit, AiBotCommands.NewReqId(AiBotCommands.UploadInit), new JsonObject
        {
            ["type"] = "image",
            ["filename"] = $"gridbot.{extension}",
            ["total_size"] = image.Length,
            ["total_chunks"] = chunks,
            ["md5"] = Convert.ToHexStringLower(MD5.HashData(image)),
        }, timeout, cancellationToken);
        var uploadId = init.Errcode == 0 ? BodyString(init, "upload_id") : null;
        if (uploadId is null)
        {
            return null;
        }

        for (var i = 0; i < chunks; i++)
        {
            var part = image.AsMemory(i * UploadChunkBytes, Math.Min(UploadChunkBytes, image.Length - i * UploadChunkBytes));
            var chunk = await socket.RequestAsync(AiBotCommands.UploadChunk, AiBotCommands.NewReqId(AiBotCommands.UploadChunk), new JsonObject
            {
                ["upload_id"] = uploadId,
                ["chunk_index"] = i,
                ["base64_data"] = Convert.ToBase64String(part.Span),
            }, timeout, cancellationToken);
            if (chunk.Errcode != 0)
            {
                return null;
            }
        }

        var finish = await socket.RequestAsync(AiBotCommands.UploadFinish, AiBotCommands.NewReqId(AiBotCommands.UploadFinish),
            new JsonObject { ["upload_id"] = uploadId }, timeout, cancellationToken);
        var mediaId = finish.Errcode == 0 ? BodyString(finish, "media_id") : null;
        return mediaId is null ? null : new JsonObject { ["msgtype"] = "image", ["image"] = new JsonObject { ["media_id"] = mediaId } };
    }

    private static string? BodyString(AiBotFrame ack, string name) =>
        ack.Body is { } body && body.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
}
