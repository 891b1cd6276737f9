namespace GridBot.Host.Channels.WeCom;

/// <summary>
/// <c>WeCom:AiBot</c>: the 智能机器人, either by the "API 模式" callback (URL + Token + EncodingAesKey, JSON envelope,
/// receiveid "") or by the long connection (<see cref="AiBotMode.LongConnection"/>: BotId + Secret, no public address).
/// </summary>
public sealed class WeComAiBotOptions
{
    public AiBotMode Mode { get; set; } = AiBotMode.Callback;

    /// <summary>The long connection's BotID from the admin console (智能机器人 → API 模式 → 长连接).</summary>
    public string BotId { get; set; } = "";

    /// <summary>The long connection's Secret: a credential, never logged.</summary>
    public string Secret { get; set; } = "";

    public AiBotLongConnectionOptions LongConnection { get; set; } = new();

    public string Token { get; set; } = "";

    public string EncodingAesKey { get; set; } = "";

    /// <summary>
    /// How long a callback waits for the bot's answer before it replies with a short "处理中" stream and delivers the
    /// answer through response_url instead. WeCom's passive-reply timeout is undocumented (WECOM.md §3.6): stay well under 5 s.
    /// </summary>
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The callback is served only in callback mode, when its secrets are configured.</summary>
    public bool IsConfigured => Mode == AiBotMode.Callback && (Token.Length > 0 || EncodingAesKey.Length > 0);

    public bool IsLongConnection => Mode == AiBotMode.LongConnection;
}
