namespace GridBot.Host.Channels.WeCom;

/// <summary><c>WeCom:Webhook</c>: the group robots' limits and how long one attempt may take (retries are the outbox's: <c>Outbox:FirstRetryDelay</c>).</summary>
public sealed class WeComWebhookOptions
{
    /// <summary>WeCom allows 20 messages per robot per minute, failed attempts included (WECOM.md §4).</summary>
    public int PermitsPerWindow { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>One attempt's bound (the wait for a permit included); a timed-out send is retried by the outbox.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
