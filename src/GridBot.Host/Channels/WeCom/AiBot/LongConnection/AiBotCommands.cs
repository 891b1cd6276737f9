namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>The long connection's cmd values, as Tencent's client names them (WsCmd in @wecom/aibot-node-sdk).</summary>
internal static class AiBotCommands
{
    public const string Subscribe = "aibot_subscribe";
    public const string Ping = "ping";
    public const string Respond = "aibot_respond_msg";
    public const string RespondWelcome = "aibot_respond_welcome_msg";
    public const string RespondUpdate = "aibot_respond_update_msg";
    public const string Send = "aibot_send_msg";
    public const string UploadInit = "aibot_upload_media_init";
    public const string UploadChunk = "aibot_upload_media_chunk";
    public const string UploadFinish = "aibot_upload_media_finish";
    public const string MessageCallback = "aibot_msg_callback";
    public const string EventCallback = "aibot_event_callback";

    /// <summary>The event WeCom sends to the older connection when a newer one subscribes for the same bot.</summary>
    public const string DisconnectedEvent = "disconnected_event";

    /// <summary>A request id in the SDK's form ({cmd}_{ms}_{random}); WeCom echoes it in the ack.</summary>
    public static string NewReqId(string cmd) =>
        $"{cmd}_{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}_{Guid.NewGuid().ToString("N")[..8]}";
}
