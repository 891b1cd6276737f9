namespace GridBot.Host.Channels.WeCom;

/// <summary><c>WeCom:App</c>: the self-built app (自建应用) callback (XML envelope, receiveid = CorpID) and message/send.</summary>
public sealed class WeComAppOptions
{
    public string Token { get; set; } = "";

    public string EncodingAesKey { get; set; } = "";

    public int AgentId { get; set; }

    public string Secret { get; set; } = "";

    public bool IsConfigured => Token.Length > 0 || EncodingAesKey.Length > 0 || Secret.Length > 0 || AgentId != 0;
}
