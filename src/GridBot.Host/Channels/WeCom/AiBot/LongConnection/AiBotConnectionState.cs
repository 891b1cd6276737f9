namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>Where this host's side of the long connection is; /readyz shows it.</summary>
public enum AiBotConnectionState
{
    /// <summary>Another host holds the lease (or nobody yet): this one waits to take over.</summary>
    Standby,
    Connecting,
    /// <summary>Subscribed: callbacks arrive here and pushes leave from here.</summary>
    Connected,
    /// <summary>The socket dropped or the subscribe failed: waiting out the backoff before the next try.</summary>
    Reconnecting,
    /// <summary>WeCom refused BotId/Secret; retried with the longest backoff.</summary>
    Refused,
    /// <summary>WeCom said another connection took over (disconnected_event): off for StandDownFor.</summary>
    StoodDown,
    Stopped,
}
