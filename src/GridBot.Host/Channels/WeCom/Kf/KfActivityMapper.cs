using System.Globalization;
using GridBot.Dialogs.Core;
using GridBot.Store.Kf;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// A customer's kf message as an Activity of the private conversation "open_kfid:external_userid" (the recipient is
/// the kf account). The msgid is the Activity id, so a page read twice (a crash before the cursor was stored, two
/// hosts) is answered by the core's dedup and never files a second ticket. A kind the bot cannot read (voice without
/// text, video, file, …) is still an Activity, with no text and no attachment: it opens the reply window like any
/// customer message (<see cref="KfTurnGate"/>), and the turn ends there.
/// </summary>
internal static class KfActivityMapper
{
    public static Activity ToActivity(string openKfid, KfMessage message)
    {
        string? text = null;
        List<Attachment>? attachments = null;
        switch (message.Msgtype)
        {
            case "text":
                text = message.Text?.Content;
                break;
            case "image" when message.Image?.MediaId is { Length: > 0 } mediaId:
                // media_id lives 3 days on WeCom (media/get); the ticket keeps the reference, not the bytes.
                attachments = [new Attachment { ContentType = "image/jpeg", ContentUrl = "wecom-media:" + mediaId }];
                break;
            case "location" when message.Location is { } location:
                text = LocationText(location);
                break;
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = message.Msgid,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(message.SendTime),
            ChannelId = KfChannel.Name,
            From = new ChannelAccount { Id = message.ExternalUserid, Name = KfTexts.ResidentName },
            Recipient = new ChannelAccount { Id = openKfid, Name = "网格小助手" },
            Conversation = new ConversationAccount { Id = KfSession.ConversationIdOf(openKfid, message.ExternalUserid ?? ""), IsGroup = false, ConversationType = "personal" },
            Text = text?.Trim() ?? "",
            TextFormat = "plain",
            Locale = "zh-CN",
            Attachments = attachments,
        };
    }

    /// <summary>True when the message carries something the bot can read.</summary>
    public static bool IsReadable(Activity activity) => !string.IsNullOrWhiteSpace(activity.Text) || activity.Attachments is { Count: > 0 };

    /// <summary>A shared location reads as a place the intake's place extraction understands: name, address, coordinates.</summary>
    private static string LocationText(KfMessage.KfLocation location)
    {
        var where = string.Join(" ", new[] { location.Name, location.Address }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return string.Create(CultureInfo.InvariantCulture, $"我的位置：{where}（{location.Latitude:0.######},{location.Longitude:0.######}）");
    }
}
