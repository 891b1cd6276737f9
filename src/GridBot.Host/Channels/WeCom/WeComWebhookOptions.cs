namespace GridBot.Host.Channels.WeCom;

/// <summary><c>WeCom:Webhook</c>: the group robots' limits and how hard a send is retried before the outbox takes over.</summary>
public sealed class WeComWebhookOptions
{
    /// <summary>WeCom allows 20 messages per robot per minute, failed attempts included (WECOM.md §4).</summary>
    public int PermitsPerWindow { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Quick retries inside one send (timeouts, 5xx, 45009, -1); after them the outbox retries later.</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
