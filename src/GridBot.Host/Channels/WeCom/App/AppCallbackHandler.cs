using GridBot.Dialogs.Core;
using GridBot.Host.Channels.WeCom.Kf;

namespace GridBot.Host.Channels.WeCom.App;

/// <summary>
/// A member's private message to the self-built app becomes a turn whose replies are outbox rows, sent by
/// message/send: the callback is answered with an empty 200 (WeCom then neither waits nor retries), and a WeCom retry
/// of a slow callback finds the msgid already handled. Events (subscribe, enter_agent…) need no answer.
/// </summary>
internal sealed partial class AppCallbackHandler(BotAdapter adapter, KfSyncQueue kfSyncs, IHostApplicationLifetime lifetime, ILogger<AppCallbackHandler> logger)
{
    public async Task HandleAsync(AppCallbackMessage message, CancellationToken cancellationToken)
    {
        if (message is { MsgType: "event", Event: "kf_msg_or_event", OpenKfId.Length: > 0 })
        {
            // The callback carries no message: the pull runs off the request, which is answered at once.
            kfSyncs.Enqueue(message.OpenKfId, message.Token);
            return;
        }

        var text = message.MsgType switch
        {
            "text" => message.Content,

            // Voice carries WeCom's transcription only when 语音识别 is enabled for the app.
            "voice" => message.Recognition,
            _ => null,
        };
        var photo = message.MsgType == "image" ? message.PicUrl : null;
        if (string.IsNullOrEmpty(message.FromUserName) || (string.IsNullOrWhiteSpace(text) && photo is null))
        {
            LogIgnored(logger, message.MsgId, message.MsgType, message.Event);
            return;
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Message,

            // WeCom documents MsgId as the dedup key of app messages; events would use FromUserName + CreateTime.
            Id = message.MsgId ?? $"{message.FromUserName}-{message.CreateTime}",
            Timestamp = message.CreateTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(message.CreateTime) : DateTimeOffset.UtcNow,
            ChannelId = WeComSenderChannel,
            From = new ChannelAccount { Id = message.FromUserName, Name = message.FromUserName },
            Recipient = new ChannelAccount { Id = "app", Name = "网格小助手" },
            Conversation = new ConversationAccount { Id = message.FromUserName, IsGroup = false, ConversationType = "personal" },
            Text = text?.Trim() ?? "",
            TextFormat = "plain",
            Locale = "zh-CN",
            Attachments = photo is null ? null : [new Attachment { ContentType = "image/jpeg", ContentUrl = photo }],
        };

        // The host's token, not the request's: WeCom drops a callback after 5 s, and the turn must still finish and commit.
        await adapter.ProcessAsync(activity, repliesInResponse: false, lifetime.ApplicationStopping);
    }

    private const string WeComSenderChannel = Webhook.WeComWebhookKey.Channel;

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom app callback {MsgId} ({MsgType}/{Event}) carries nothing to answer")]
    private static partial void LogIgnored(ILogger logger, string? msgId, string? msgType, string? @event);
}
