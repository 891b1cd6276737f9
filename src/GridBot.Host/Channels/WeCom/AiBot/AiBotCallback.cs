namespace GridBot.Host.Channels.WeCom.AiBot;

/// <summary>
/// A decrypted 智能机器人 callback (WECOM.md §3.3): a message, a stream refresh or an event. Property names map to
/// WeCom's snake_case fields through <see cref="WeComJson"/>; fields GridBot does not use are ignored.
/// </summary>
public sealed class AiBotCallback
{
    public string? Msgid { get; set; }
    public string? Aibotid { get; set; }
    public string? Chatid { get; set; }
    public string? Chattype { get; set; }
    public Sender? From { get; set; }
    public long? CreateTime { get; set; }
    public string? ResponseUrl { get; set; }
    public string? Msgtype { get; set; }
    public TextPart? Text { get; set; }
    public ImagePart? Image { get; set; }
    public MixedPart? Mixed { get; set; }
    public TextPart? Voice { get; set; }
    public ImagePart? File { get; set; }
    public QuotePart? Quote { get; set; }
    public StreamPart? Stream { get; set; }
    public EventPart? Event { get; set; }

    public bool IsGroup => Chattype == "group";

    public sealed class Sender
    {
        public string? Userid { get; set; }
    }

    public sealed class TextPart
    {
        public string? Content { get; set; }
    }

    public sealed class ImagePart
    {
        public string? Url { get; set; }

        /// <summary>Long connection only: the per-message key that decrypts the file at <see cref="Url"/> (WECOM.md §3.3).</summary>
        public string? Aeskey { get; set; }
    }

    public sealed class MixedPart
    {
        public List<MixedItem>? MsgItem { get; set; }
    }

    public sealed class MixedItem
    {
        public string? Msgtype { get; set; }
        public TextPart? Text { get; set; }
        public ImagePart? Image { get; set; }
    }

    public sealed class QuotePart
    {
        public string? Msgtype { get; set; }
        public TextPart? Text { get; set; }
        public ImagePart? Image { get; set; }
        public MixedPart? Mixed { get; set; }
        public TextPart? Voice { get; set; }
    }

    public sealed class StreamPart
    {
        public string? Id { get; set; }
    }

    public sealed class EventPart
    {
        public string? Eventtype { get; set; }
        public string? EventKey { get; set; }
        public string? TaskId { get; set; }
    }
}
