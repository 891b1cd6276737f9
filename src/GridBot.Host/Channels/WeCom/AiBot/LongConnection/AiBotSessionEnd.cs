namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>How one connection attempt ended, which decides what the connection loop does next.</summary>
internal enum AiBotSessionEnd
{
    /// <summary>No WebSocket (DNS, TCP, TLS, HTTP upgrade): back off and retry.</summary>
    Unreachable,
    /// <summary>The subscribe was answered with a non-zero errcode (BotId/Secret wrong) or not at all.</summary>
    Refused,
    /// <summary>Was subscribed, then the socket closed, failed or missed two heartbeats: retry from the first delay.</summary>
    Dropped,
    /// <summary>disconnected_event: another connection subscribed with this bot.</summary>
    Kicked,
    /// <summary>The token ended it: the host stops or the lease was lost.</summary>
    Stopped,
}
