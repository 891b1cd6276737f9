namespace GridBot.Host.Channels.WeCom;

/// <summary>
/// The WeCom (企业微信) tenant: <c>WeCom:CorpId</c>, the AI bot (智能机器人) and self-built app callbacks, and the API
/// base address (Tencent's by default; tests and demos point it at the fake WeCom server).
/// </summary>
public sealed class WeComOptions
{
    public const string SectionName = "WeCom";
    public const string DefaultApiBaseUrl = "https://qyapi.weixin.qq.com/";

    /// <summary>CorpID (ww…): the receiveid of app callbacks and the corpid of gettoken.</summary>
    public string CorpId { get; set; } = "";

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// How far a callback's timestamp may be from now. The signature covers the timestamp, so this bounds how long
    /// a captured request stays replayable; nonces are remembered for the same window.
    /// </summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    public WeComAiBotOptions AiBot { get; set; } = new();

    public WeComAppOptions App { get; set; } = new();

    public WeComWebhookOptions Webhook { get; set; } = new();

    public Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");
}
