using System.Security.Cryptography;

namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>
/// A group robot message (WECOM.md §4): text with @-mentions (≤ 2048 bytes), markdown (≤ 4096 bytes), image
/// (≤ 2 MB, Base64 + MD5) or news (1-8 articles). Built only through the factories, which enforce the limits.
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
    public NewsPayload? News { get; private init; }

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

    public static WeComWebhookMessage ForImage(ReadOnlySpan<byte> pngOrJpeg)
    {
        if (pngOrJpeg.Length is 0 or > MaxImageBytes)
        {
            throw new ArgumentException($"A robot image must be 1 byte to 2 MB, got {pngOrJpeg.Length} bytes.", nameof(pngOrJpeg));
        }

        return new WeComWebhookMessage("image")
        {
            Image = new ImagePayload { Base64 = Convert.ToBase64String(pngOrJpeg), Md5 = Convert.ToHexStringLower(MD5.HashData(pngOrJpeg)) },
        };
    }

    public static WeComWebhookMessage ForNews(IReadOnlyList<Article> articles)
    {
        if (articles.Count is < 1 or > 8)
        {
            throw new ArgumentException($"A robot news message carries 1-8 articles, got {articles.Count}.", nameof(articles));
        }

        return new WeComWebhookMessage("news")
        {
            News = new NewsPayload
            {
                Articles = [.. articles.Select(a => new Article
                {
                    Title = Utf8Text.Truncate(a.Title, 128),
                    Description = a.Description is null ? null : Utf8Text.Truncate(a.Description, 512),
                    Url = a.Url,
                    Picurl = a.Picurl,
                })],
            },
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

    public sealed class NewsPayload
    {
        public required List<Article> Articles { get; init; }
    }

    public sealed class Article
    {
        public required string Title { get; init; }
        public string? Description { get; init; }
        public required string Url { get; init; }
        public string? Picurl { get; init; }
    }
}
