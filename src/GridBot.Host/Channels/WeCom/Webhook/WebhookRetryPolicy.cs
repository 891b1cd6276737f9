using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly.Retry;

namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>
/// What a robot send retries at once: the transport's transient failures (timeouts, dropped connections, 5xx, 429)
/// and WeCom's in-body -1 (busy) and 45009 (over the limit, e.g. another tool shares the robot). Never GridBot's own
/// limiter: waiting for a permit is the outbox's job, not a blocked send's.
/// </summary>
internal static class WebhookRetryPolicy
{
    public static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (args.Outcome.Exception is WebhookRateLimitedException)
        {
            return false;
        }

        if (HttpClientResiliencePredicates.IsTransient(args.Outcome))
        {
            return true;
        }

        if (args.Outcome.Result is not { IsSuccessStatusCode: true } response)
        {
            return false;
        }

        // Read as bytes: the content is buffered and the caller reads the same answer again after this look.
        var bytes = await response.Content.ReadAsByteArrayAsync(args.Context.CancellationToken);
        try
        {
            var result = JsonSerializer.Deserialize(bytes, WeComJson.Relaxed.WeComApiResult);
            return result is not null && WeComHttp.IsTransientErrcode(result.Errcode);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
