namespace GridBot.Host.Channels.WeCom;

/// <summary>
/// <c>WeCom:AiBot:LongConnection</c>: the tunables of the long connection. The defaults follow Tencent's own client
/// (@wecom/aibot-node-sdk: 30 s heartbeat, 1 s doubling reconnect up to 30 s, 5 s reply ack) and, for pushes, the
/// community-reported limits (no official page states them: WECOM.md §3.8).
/// </summary>
public sealed class AiBotLongConnectionOptions
{
    public const string DefaultUrl = "wss://openws.work.weixin.qq.com";

    /// <summary>WeCom's WebSocket; private deployments show theirs in the admin console, tests point it at the fake.</summary>
    public string Url { get; set; } = DefaultUrl;

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first reconnect delay; it doubles per failed attempt (with jitter) up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a sent frame waits for WeCom's ack before it counts as not delivered.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a host's hold on the connection lasts without renewal: a dead holder is replaced after about this long.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the holder renews and a standby host tries to take the lease (a third of the duration is sensible).</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After WeCom's disconnected_event (another connection subscribed with the same bot), how long this host stays off
    /// before it tries again: reconnecting at once would only kick the other connection, which would kick back.
    /// </summary>
    public TimeSpan StandDownFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Frames larger than this are dropped unread (WeCom's callbacks are a few KB).</summary>
    public int MaxFrameBytes { get; set; } = 1024 * 1024;

    /// <summary>aibot_send_msg per chat per minute (community-reported ≈30).</summary>
    public int PushesPerChatPerMinute { get; set; } = 30;

    /// <summary>aibot_send_msg per bot per hour (community-reported ≈1,000).</summary>
    public int PushesPerBotPerHour { get; set; } = 1000;
}
