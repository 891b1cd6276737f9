namespace GridBot.FakeWeCom;

/// <summary>Section <c>FakeWeCom</c>: the tenant the fake pretends to be and WeCom's limits it enforces.</summary>
public sealed class FakeWeComOptions
{
    public const string SectionName = "FakeWeCom";

    public string CorpId { get; set; } = "wwfake0000000001";

    public string AppSecret { get; set; } = "fake-app-secret";

    /// <summary>Lifetime of an access token (WeCom: 7200 s).</summary>
    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>WeCom: 20 messages per robot per minute; every attempt counts, failed ones included.</summary>
    public int WebhookPermits { get; set; } = 20;

    public TimeSpan WebhookWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Keys that answer 93000 (invalid webhook url), as a deleted robot does.</summary>
    public List<string> InvalidWebhookKeys { get; set; } = [];

    /// <summary>
    /// The self-built app's callback URL (GridBot's /api/wecom/app) and its Token / EncodingAesKey / AgentID: the fake
    /// pushes kf_msg_or_event there, sealed as WeCom does (receiveid = CorpId). Empty: no pushes.
    /// </summary>
    public string AppCallbackUrl { get; set; } = "";

    public string AppToken { get; set; } = "";

    public string AppEncodingAesKey { get; set; } = "";

    public int AgentId { get; set; } = 1000002;

    /// <summary>WeCom userids that are activated 接待人员 of every kf account (service_state/trans to 3 needs one, else 95014).</summary>
    public List<string> KfServicers { get; set; } = [];

    /// <summary>How many messages one sync_msg page holds at most (WeCom: ≤ 1000; smaller exercises paging).</summary>
    public int KfPageSize { get; set; } = 1000;

    /// <summary>The AI bot's long connection (aibot_subscribe): the BotID and Secret the fake accepts.</summary>
    public string AiBotId { get; set; } = "fakebot0000000001";

    public string AiBotSecret { get; set; } = "fake-aibot-secret";

    /// <summary>aibot_send_msg limits (community-reported ≈30 per chat per minute, ≈1,000 per bot per hour); over them: 45009.</summary>
    public int AiBotPushesPerChatPerMinute { get; set; } = 30;

    public int AiBotPushesPerBotPerHour { get; set; } = 1000;

    /// <summary>How long after enter_chat a welcome is accepted (WeCom: 5 s).</summary>
    public TimeSpan AiBotWelcomeWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Added to every answer; switchable at run time through POST /_fake/faults.</summary>
    public int LatencyMs { get; set; }

    /// <summary>This share of answers (percent, at random) is a 500; switchable through POST /_fake/faults.</summary>
    public int ServerErrorPercent { get; set; }
}
