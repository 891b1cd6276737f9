using System.Net;
using System.Text.Json;
using GridBot.Host.Outbox;

namespace GridBot.Host.Channels.WeCom;

/// <summary>How GridBot reads a WeCom API answer: HTTP status first, then errcode (never errmsg, whose text changes).</summary>
internal static class WeComHttp
{
    public const string ClientName = "wecom";

    /// <summary>-1 is "system busy", 45009 "api freq out of limit": both are worth another try later.</summary>
    public static bool IsTransientErrcode(int errcode) => errcode is -1 or 45009;

    /// <summary>40014 (invalid) and 42001 (expired): the access token must be fetched again.</summary>
    public static bool IsTokenRejected(int errcode) => errcode is 40014 or 42001;

    public static async Task<SendOutcome> OutcomeOfAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await ReadAsync(response, cancellationToken)).Outcome;

    /// <returns>The outcome and WeCom's errcode (null when the answer had none: an HTTP error or an unreadable body).</returns>
    public static async Task<(SendOutcome Outcome, int? Errcode)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError)
        {
            return (new SendOutcome.Transient($"HTTP {(int)response.StatusCode}"), null);
        }

        if (!response.IsSuccessStatusCode)
        {
            return (new SendOutcome.Permanent($"HTTP {(int)response.StatusCode}"), null);
        }

        WeComApiResult? result;
        try
        {
            // Bytes, not a stream: a retry predicate may already have read this (buffered) answer.
            result = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(cancellationToken), WeComJson.Relaxed.WeComApiResult);
        }
        catch (JsonException)
        {
            return (new SendOutcome.Transient("unreadable WeCom answer"), null);
        }

        return result switch
        {
            null => (new SendOutcome.Transient("empty WeCom answer"), null),
            { Errcode: 0 } => (SendOutcome.Sent, 0),
            { Errcode: var code } when IsTransientErrcode(code) => (new SendOutcome.Transient($"errcode {code}"), code),
            { Errcode: var code } => (new SendOutcome.Permanent($"errcode {code}"), code),
        };
    }
}
