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

    /// <summary>Added to every answer; switchable at run time through POST /_fake/faults.</summary>
    public int LatencyMs { get; set; }

    /// <summary>This share of answers (percent, at random) is a 500; switchable through POST /_fake/faults.</summary>
    public int ServerErrorPercent { get; set; }
}
