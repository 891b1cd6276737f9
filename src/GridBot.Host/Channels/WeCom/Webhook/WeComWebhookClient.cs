using System.Net.Http.Json;
using GridBot.Host.Outbox;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>
/// Posts to <c>cgi-bin/webhook/send?key=…</c>, one attempt through the robot's rate limit, bounded by
/// <c>WeCom:Webhook:AttemptTimeout</c>. Timeouts, 5xx, dropped connections, -1 and 45009 are transient outcomes the outbox
/// retries after its backoff (<see cref="Outbox.OutboxBackoff"/>), each retry a new attempt with its own permit; an
/// errcode such as 93000 (robot deleted, key wrong) is permanent. A 500 or a timeout may come after WeCom took the
/// message (robots have no msgid to send twice safely): it is still retried, since a group missing a notice is worse
/// than one that rarely sees it twice.
/// </summary>
internal sealed class WeComWebhookClient(IHttpClientFactory httpClients, IOptions<WeComOptions> options)
{
    public const string HttpClientName = "wecom-webhook";

    public async Task<SendOutcome> SendAsync(string key, WeComWebhookMessage message, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Value.ApiBase, "cgi-bin/webhook/send?key=" + Uri.EscapeDataString(key));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .PostAsJsonAsync(uri, message, WeComJson.Relaxed.WeComWebhookMessage, cancellationToken);
            return await WeComHttp.OutcomeOfAsync(response, cancellationToken);
        }
        catch (WebhookRateLimitedException ex)
        {
            return new SendOutcome.NotYet(ex.RetryAfter);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's timeout (WeCom:Webhook:AttemptTimeout), not the caller's stop.
            return new SendOutcome.Transient("timeout");
        }
        catch (HttpRequestException ex)
        {
            // The exception's message may carry the URL, and the URL carries the key: only the error kind is kept.
            return new SendOutcome.Transient($"network error ({ex.HttpRequestError})");
        }
    }
}
