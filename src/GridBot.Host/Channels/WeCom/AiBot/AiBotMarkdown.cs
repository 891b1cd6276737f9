namespace GridBot.Host.Channels.WeCom.AiBot;

/// <summary>The unencrypted body POSTed to a callback's response_url (WECOM.md §3.5).</summary>
public sealed class AiBotMarkdown
{
    public string Msgtype { get; init; } = "markdown";
    public required Body Markdown { get; init; }

    public sealed class Body
    {
        public required string Content { get; init; }
    }
}
