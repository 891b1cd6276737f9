namespace GridBot.Host.Channels.WeCom;

/// <summary>How WeCom reaches the AI bot (WECOM.md §3.1).</summary>
public enum AiBotMode
{
    /// <summary>WeCom POSTs encrypted callbacks to GridBot's public /api/wecom/aibot.</summary>
    Callback,

    /// <summary>GridBot dials out to WeCom's WebSocket (wss://openws.work.weixin.qq.com) with BotId and Secret.</summary>
    LongConnection,
}
