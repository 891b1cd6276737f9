using System.Text;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Routing;

namespace GridBot.Host.Channels.WeCom.AiBot;

/// <summary>
/// Turns a 智能机器人 message into the Activity the core understands: msgid is the id (the dedup key), a group's
/// chatid or a single chat's userid is the conversation, the bot's @-mention in group text becomes a mention entity
/// of the bot (the core cuts it from the words and knows the message is meant for the bot: MessageText), voice
/// arrives already transcribed, images become attachments and a quoted message is kept after the words.
/// </summary>
internal static class AiBotActivityMapper
{
    public const string ChannelId = "wecom";
    private const int MaxTextLength = 4000;
    private const string BotName = "网格小助手";

    /// <returns>Null when the message carries nothing the bot can read (a file, an empty text).</returns>
    public static Activity? ToActivity(AiBotCallback callback, DateTimeOffset now)
    {
        var userId = callback.From?.Userid;
        var conversationId = callback.IsGroup ? callback.Chatid : userId;
        if (string.IsNullOrEmpty(callback.Msgid) || string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(conversationId))
        {
            return null;
        }

        var text = new StringBuilder();
        var images = new List<string>();
        Collect(callback.Msgtype, callback.Text, callback.Image, callback.Mixed, callback.Voice, text, images);
        var words = text.ToString().Trim();
        var botId = callback.Aibotid ?? "aibot";
        List<Entity>? entities = null;
        if (callback.IsGroup)
        {
            // WeCom only calls the AI bot back from a group when it is @-mentioned: the group message is addressed to it
            // even when the @token is not in the words (a quoted reply), so the entity is there either way.
            entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = botId, Name = BotName }, Text = MessageText.LeadingMention(words) }];
        }

        if (callback.Quote is { } quote)
        {
            var quoted = new StringBuilder();
            Collect(quote.Msgtype, quote.Text, quote.Image, quote.Mixed, quote.Voice, quoted, images);
            if (quoted.Length > 0)
            {
                words = words.Length == 0 ? quoted.ToString().Trim() : $"{words}\n（引用：{quoted.ToString().Trim()}）";
            }
        }

        if (words.Length == 0 && images.Count == 0)
        {
            return null;
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = callback.Msgid,
            Timestamp = callback.CreateTime is > 0 and var seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : now,
            ChannelId = ChannelId,
            From = new ChannelAccount { Id = userId, Name = userId },
            Recipient = new ChannelAccount { Id = botId, Name = BotName },
            Conversation = new ConversationAccount { Id = conversationId, IsGroup = callback.IsGroup, ConversationType = callback.IsGroup ? "group" : "personal" },
            Text = words.Length > MaxTextLength ? words[..MaxTextLength] : words,
            TextFormat = "plain",
            Locale = "zh-CN",
            Entities = entities,
            Attachments = images.Count == 0 ? null : [.. images.Select(url => new Attachment { ContentType = "image/jpeg", ContentUrl = url })],
        };
    }

    private static void Collect(string? msgtype, AiBotCallback.TextPart? text, AiBotCallback.ImagePart? image, AiBotCallback.MixedPart? mixed,
        AiBotCallback.TextPart? voice, StringBuilder words, List<string> images)
    {
        switch (msgtype)
        {
            case "text":
                words.Append(text?.Content);
                break;
            case "voice":
                // WeCom transcribes voice before the callback: it reads like typed text.
                words.Append(voice?.Content);
                break;
            case "image" when !string.IsNullOrEmpty(image?.Url):
                images.Add(AttachmentUrl(image.Url, image.Aeskey));
                break;
            case "mixed":
                foreach (var item in mixed?.MsgItem ?? [])
                {
                    Collect(item.Msgtype, item.Text, item.Image, null, null, words, images);
                    if (item.Msgtype == "text" && words.Length > 0)
                    {
                        words.Append(' ');
                    }
                }

                break;
        }
    }

    /// <summary>
    /// A long-connection image is encrypted with its own per-message key: the key rides in the stored URL's fragment
    /// (never sent to the server by a download), so whoever fetches the attachment can decrypt it. Callback images
    /// have no such key (the bot's EncodingAesKey decrypts them) and keep their URL as it is.
    /// </summary>
    private static string AttachmentUrl(string url, string? aeskey) =>
        string.IsNullOrEmpty(aeskey) || url.Contains('#', StringComparison.Ordinal) ? url : $"{url}#aeskey={Uri.EscapeDataString(aeskey)}";

}
