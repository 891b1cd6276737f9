namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>GridBot's own limiter held a send back: nothing went out, so the outbox simply tries again after <see cref="RetryAfter"/>.</summary>
public sealed class WebhookRateLimitedException(TimeSpan retryAfter)
    : Exception($"The group robot's limit is reached; next send possible in {retryAfter.TotalSeconds:0.#} s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
