using GridBot.Dialogs.Texts;
namespace GridBot.Host.Channels.WeCom.AiBot;

/// <summary>
/// The plaintext of a passive reply (WECOM.md §3.4), encrypted into the JSON envelope by the endpoint:
/// a stream for messages and refreshes, a text for the enter_chat welcome.
/// </summary>
public sealed class AiBotReply
{
    /// <summary>Stream content is Markdown of at most 20480 UTF-8 bytes.</summary>
    public const int MaxStreamBytes = 20480;

    public required string Msgtype { get; init; }
    public StreamBody? Stream { get; init; }
    public TextBody? Text { get; init; }

    public static AiBotReply ForStream(string id, bool finish, string content) => new()
    {
        Msgtype = "stream",
        Stream = new StreamBody { Id = id, Finish = finish, Content = Utf8Text.Truncate(content, MaxStreamBytes) },
    };

    public static AiBotReply ForText(string content) => new() { Msgtype = "text", Text = new TextBody { Content = content } };

    public sealed class StreamBody
    {
        public required string Id { get; init; }
        public bool Finish { get; init; }
        public required string Content { get; init; }
    }

    public sealed class TextBody
    {
        public required string Content { get; init; }
    }
}
