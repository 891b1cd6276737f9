using GridBot.Store.Coordination;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>
/// Sits inside the retry handler, so every attempt — first send and each retry — takes a permit of its robot, as
/// WeCom counts every attempt. A send over the limit never leaves the host.
/// </summary>
internal sealed class WebhookRateLimitHandler(IRobotRateLimiter limiter, IOptions<WeComOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = System.Web.HttpUtility.ParseQueryString(request.RequestUri?.Query ?? "")["key"] ?? "";
        var settings = options.Value.Webhook;
        var wait = await limiter.TryAcquireAsync(WeComWebhookKey.Fingerprint(key), settings.PermitsPerWindow, settings.Window, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            throw new WebhookRateLimitedException(wait);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
