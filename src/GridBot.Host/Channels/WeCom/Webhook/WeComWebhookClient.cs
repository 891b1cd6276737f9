using System.Net.Http.Json;
using GridBot.Host.Outbox;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>
/// Posts to <c>cgi-bin/webhook/send?key=…</c>. The named client's pipeline (see <see cref="WeComHostingExtensions"/>)
/// retries timeouts, 5xx, dropped connections, -1 and 45009 with exponential backoff and jitter, each attempt through
/// the robot's rate limit; what is still failing afterwards is a transient outcome the outbox retries later, and an
/// errcode such as 93000 (robot deleted, key wrong) is permanent.
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
        catch (TimeoutRejectedException)
        {
            return new SendOutcome.Transient("timeout");
        }
        catch (HttpRequestException ex)
        {
            // The exception's message may carry the URL, and the URL carries the key: only the error kind is kept.
            return new SendOutcome.Transient($"network error ({ex.HttpRequestError})");
        }
    }
}
