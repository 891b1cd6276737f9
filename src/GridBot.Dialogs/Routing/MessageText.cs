using System.Text.RegularExpressions;
using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Routing;

/// <summary>
/// The one owner of "is this meant for the bot" and of cutting the bot's @-mention from the words. Channels say it
/// it with the Bot Framework schema's own fields: a private conversation (<c>conversation.isGroup</c> not true), a
/// <c>mention</c> entity of the recipient (the bot; with the mention's text when it is in the words, "@小网 …"), or a
/// <c>replyToId</c> (a quote of one of the bot's messages: the bot only ever shows its own messages to quote).
/// </summary>
public static partial class MessageText
{
    /// <summary>The words a person typed, without the @-mention of the bot that group channels put in front.</summary>
    public static string Of(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in BotMentions(activity))
        {
            if (!string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, "", StringComparison.Ordinal);
            }
        }

        if (!string.IsNullOrEmpty(activity.Recipient?.Name))
        {
            text = text.Replace("@" + activity.Recipient.Name, "", StringComparison.Ordinal)
                .Replace("＠" + activity.Recipient.Name, "", StringComparison.Ordinal);
        }

        return text.Trim();
    }

    /// <summary>
    /// True when the person talks to the bot: a private chat, an @-mention of the bot, or a reply to one of its
    /// messages. Such a message is always answered; a group message that is none of these may be left alone.
    /// </summary>
    public static bool IsAddressed(Activity activity) =>
        activity.Conversation?.IsGroup != true
        || BotMentions(activity).Any()
        || !string.IsNullOrEmpty(activity.ReplyToId)
        || (!string.IsNullOrEmpty(activity.Recipient?.Name) && activity.Text is { } text
            && (text.Contains("@" + activity.Recipient.Name, StringComparison.Ordinal) || text.Contains("＠" + activity.Recipient.Name, StringComparison.Ordinal)));

    /// <summary>
    /// The @token in front of group text ("@机器人名 3号楼电梯坏了" → "@机器人名"), for a channel that knows the message
    /// mentions the bot but not by which name (WeCom's AI bot is only called back from a group when it is mentioned);
    /// <see cref="Of"/> then cuts it from the words like any mention's text.
    /// </summary>
    public static string? LeadingMention(string words) => LeadingMentionPattern().Match(words) is { Success: true } leading ? leading.Value.Trim() : null;

    public static IReadOnlyList<string> PhotoUrls(Activity activity) =>
        activity.Attachments?.Where(a => a.IsImage).Select(a => a.ContentUrl!).Where(u => u.Length <= 1024).Take(9).ToList() ?? [];

    private static IEnumerable<Mention> BotMentions(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        return botId is null ? [] : activity.Mentions().Where(m => m.Mentioned.Id == botId);
    }

    [GeneratedRegex(@"^\s*[@＠]\S+\s*")]
    private static partial Regex LeadingMentionPattern();
}
