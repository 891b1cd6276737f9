using GridBot.Dialogs.Texts;
using System.Security.Cryptography;

namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>
/// A group robot message (WECOM.md §4): text with @-mentions (≤ 2048 bytes), markdown (≤ 4096 bytes) or an image
/// (PNG/JPEG ≤ 2 MB, Base64 + MD5), built only through the factories, which enforce the limits.
/// </summary>
public sealed class WeComWebhookMessage
{
    public const int MaxTextBytes = 2048;
    public const int MaxMarkdownBytes = 4096;
    public const int MaxImageBytes = 2 * 1024 * 1024;

    private WeComWebhookMessage(string msgtype) => Msgtype = msgtype;

    public string Msgtype { get; }
    public TextPayload? Text { get; private init; }
    public MarkdownPayload? Markdown { get; private init; }
    public ImagePayload? Image { get; private init; }

    /// <param name="mentionedUserIds">WeCom userids to @, or "@all".</param>
    public static WeComWebhookMessage ForText(string content, IReadOnlyList<string>? mentionedUserIds = null) => new("text")
    {
        Text = new TextPayload { Content = Utf8Text.Truncate(content, MaxTextBytes), MentionedList = mentionedUserIds is { Count: > 0 } ? [.. mentionedUserIds] : null },
    };

    /// <summary>Markdown from whole lines: what does not fit in 4096 bytes is dropped from the end and counted in a "…另有 N 条" tail.</summary>
    public static WeComWebhookMessage ForMarkdown(IReadOnlyList<string> lines) => new("markdown")
    {
        Markdown = new MarkdownPayload { Content = WeComMarkdown.Fit(lines, MaxMarkdownBytes) },
    };

    /// <returns>Null when the bytes are not an image WeCom takes (PNG or JPEG, 1 byte to 2 MB).</returns>
    public static WeComWebhookMessage? ForImage(ReadOnlySpan<byte> pngOrJpeg)
    {
        if (pngOrJpeg.Length > MaxImageBytes || ImageFormats.ContentTypeOf(pngOrJpeg) is not ("image/png" or "image/jpeg"))
        {
            return null;
        }

        return new WeComWebhookMessage("image")
        {
            Image = new ImagePayload { Base64 = Convert.ToBase64String(pngOrJpeg), Md5 = Convert.ToHexStringLower(MD5.HashData(pngOrJpeg)) },
        };
    }

    public sealed class TextPayload
    {
        public required string Content { get; init; }
        public List<string>? MentionedList { get; init; }
    }

    public sealed class MarkdownPayload
    {
        public required string Content { get; init; }
    }

    public sealed class ImagePayload
    {
        public required string Base64 { get; init; }
        public required string Md5 { get; init; }
    }
}
