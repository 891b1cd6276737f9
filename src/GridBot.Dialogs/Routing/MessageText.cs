using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Routing;

/// <summary>The words a person typed, without the @-mention of the bot that group channels put in front.</summary>
public static class MessageText
{
    public static string Of(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var mention in activity.Mentions())
        {
            if (mention.Mentioned.Id == botId && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, "", StringComparison.Ordinal);
            }
        }

        if (!string.IsNullOrEmpty(activity.Recipient?.Name))
        {
            text = text.Replace("@" + activity.Recipient.Name, "", StringComparison.Ordinal);
        }

        return text.Trim();
    }

    public static IReadOnlyList<string> PhotoUrls(Activity activity) =>
        activity.Attachments?.Where(a => a.IsImage).Select(a => a.ContentUrl!).Where(u => u.Length <= 1024).Take(9).ToList() ?? [];
}
