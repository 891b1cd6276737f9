namespace GridBot.Host.Channels.WeCom;

/// <summary><c>WeCom:AiBot</c>: the 智能机器人 "API 模式" callback (JSON envelope, receiveid "").</summary>
public sealed class WeComAiBotOptions
{
    public string Token { get; set; } = "";

    public string EncodingAesKey { get; set; } = "";

    /// <summary>
    /// How long a callback waits for the bot's answer before it replies with a short "处理中" stream and delivers the
    /// answer through response_url instead. WeCom's passive-reply timeout is undocumented (WECOM.md §3.6): stay well under 5 s.
    /// </summary>
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The callback is served only when both secrets are configured.</summary>
    public bool IsConfigured => Token.Length > 0 || EncodingAesKey.Length > 0;
}
