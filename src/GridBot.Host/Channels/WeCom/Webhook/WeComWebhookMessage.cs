namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>
/// A group robot message (WECOM.md §4): text with @-mentions (≤ 2048 bytes) or markdown (≤ 4096 bytes), built only
/// through the factories, which enforce the limits. (Image and news messages come with the first feature that sends them.)
/// </summary>
public sealed class WeComWebhookMessage
{
    public const int MaxTextBytes = 2048;
    public const int MaxMarkdownBytes = 4096;

    private WeComWebhookMessage(string msgtype) => Msgtype = msgtype;

    public string Msgtype { get; }
    public TextPayload? Text { get; private init; }
    public MarkdownPayload? Markdown { get; private init; }

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

    public sealed class TextPayload
    {
        public required string Content { get; init; }
        public List<string>? MentionedList { get; init; }
    }

    public sealed class MarkdownPayload
    {
        public required string Content { get; init; }
    }
}
