using System.Text;
using System.Text.Json;
using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WeCom.AiBot;
using GridBot.Host.Channels.WeCom.App;
using GridBot.Host.Channels.WeCom.Crypto;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace GridBot.Host.Endpoints;

/// <summary>
/// WeCom callbacks. <c>GET</c> answers the URL verification with the decrypted echostr.
/// <c>POST /api/wecom/aibot</c> takes a 智能机器人 callback (JSON envelope, receiveid "") and answers with an
/// encrypted passive reply; <c>POST /api/wecom/app</c> takes a self-built app callback (XML, receiveid = CorpID) and
/// answers empty, the replies going out through message/send. The signature is checked before anything is decrypted or parsed; a failure is 401.
/// </summary>
public static partial class WeComCallbackEndpoints
{
    public const long MaxBodyBytes = 256 * 1024;
    private const string LoggerName = "GridBot.Host.Endpoints.WeComCallbackEndpoints";
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static IEndpointRouteBuilder MapWeComAiBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/wecom/aibot");
        group.MapGet("", VerifyAiBotUrlAsync);
        group.MapPost("", ReceiveAiBotAsync);
        return endpoints;
    }

    public static IEndpointRouteBuilder MapWeComAppEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/wecom/app");
        group.MapGet("", VerifyAppUrlAsync);
        group.MapPost("", ReceiveAppAsync);
        return endpoints;
    }

    private static Task<IResult> VerifyAiBotUrlAsync(
        HttpContext http, [FromKeyedServices(WeComChannels.AiBot)] WeComCrypto crypto, WeComCallbackGate gate, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        VerifyUrlAsync(http, WeComChannels.AiBot, crypto, gate, loggers, cancellationToken);

    private static Task<IResult> VerifyAppUrlAsync(
        HttpContext http, [FromKeyedServices(WeComChannels.App)] WeComCrypto crypto, WeComCallbackGate gate, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        VerifyUrlAsync(http, WeComChannels.App, crypto, gate, loggers, cancellationToken);

    private static async Task<IResult> ReceiveAppAsync(
        HttpContext http, [FromKeyedServices(WeComChannels.App)] WeComCrypto crypto, WeComCallbackGate gate, AppCallbackHandler handler,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(http, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // The XML envelope is parsed without DTDs or entities before the signature can be checked (WeComXmlEnvelope).
        var (plain, refusal) = await OpenAsync(http, WeComChannels.App, gate, loggers, (signature, timestamp, nonce) => crypto.DecryptXmlBody(signature, timestamp, nonce, body), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (AppCallbackMessage.Parse(plain!) is not { } message)
        {
            LogUnreadable(loggers.CreateLogger(LoggerName), WeComChannels.App);
            return Results.BadRequest();
        }

        await handler.HandleAsync(message, cancellationToken);

        // An empty 200: the replies go out through message/send, and WeCom neither waits nor retries.
        return Results.Text("", "text/plain", Utf8NoBom);
    }

    private static async Task<IResult> VerifyUrlAsync(
        HttpContext http, string endpoint, WeComCrypto crypto, WeComCallbackGate gate, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (echo, refusal) = await OpenAsync(http, endpoint, gate, loggers, (signature, timestamp, nonce) => crypto.VerifyUrl(signature, timestamp, nonce, http.Request.Query["echostr"]), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        // The plaintext is the whole body: no quotes, no BOM, no newline (WECOM.md §1.8).
        return Results.Text(echo, "text/plain", Utf8NoBom);
    }

    private static async Task<IResult> ReceiveAiBotAsync(
        HttpContext http, [FromKeyedServices(WeComChannels.AiBot)] WeComCrypto crypto, WeComCallbackGate gate, AiBotCallbackHandler handler,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(http, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var (plain, refusal) = await OpenAsync(http, WeComChannels.AiBot, gate, loggers, (signature, timestamp, nonce) => crypto.DecryptJsonBody(signature, timestamp, nonce, body), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        AiBotCallback? callback;
        try
        {
            callback = JsonSerializer.Deserialize(plain!, WeComJson.Relaxed.AiBotCallback);
        }
        catch (JsonException)
        {
            callback = null;
        }

        if (callback is null)
        {
            LogUnreadable(loggers.CreateLogger(LoggerName), WeComChannels.AiBot);
            return Results.BadRequest();
        }

        var reply = await handler.HandleAsync(callback, cancellationToken);
        if (reply is null)
        {
            // An empty 200 tells WeCom the callback was taken and nothing will be said.
            return Results.Text("", "text/plain", Utf8NoBom);
        }

        var sealedReply = crypto.Seal(JsonSerializer.Serialize(reply, WeComJson.Relaxed.AiBotReply), gate.Now(), WeComCrypto.CreateNonce());
        return Results.Text(WeComJsonEnvelope.BuildReply(sealedReply), "application/json", Utf8NoBom);
    }

    /// <summary>
    /// Timestamp within the window → signature and decryption → (timestamp, nonce) claimed once, in that order for every
    /// callback: the plaintext, or the refusal to answer with (nothing was decrypted or nothing will run).
    /// </summary>
    private static async Task<(string? Plain, IResult? Refusal)> OpenAsync(
        HttpContext http, string endpoint, WeComCallbackGate gate, ILoggerFactory loggers,
        Func<string?, string?, string?, WeComCryptoResult<string>> open, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        string? timestamp = query["timestamp"], nonce = query["nonce"];
        if (!gate.IsFresh(timestamp))
        {
            return (null, Stale(loggers, endpoint));
        }

        var plain = open(query["msg_signature"], timestamp, nonce);
        if (!plain.IsSuccess)
        {
            return (null, Rejected(loggers, endpoint, plain.Error));
        }

        return await gate.ClaimAsync(endpoint, timestamp!, nonce!, cancellationToken)
            ? (plain.Value, null)
            : (null, Replayed(loggers, endpoint));
    }

    /// <returns>The body, or null when it is over <see cref="MaxBodyBytes"/>.</returns>
    internal static async Task<string?> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            using var reader = new StreamReader(http.Request.Body, Utf8NoBom);
            var body = await reader.ReadToEndAsync(cancellationToken);
            return body.Length > MaxBodyBytes ? null : body;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private static IResult Stale(ILoggerFactory loggers, string endpoint)
    {
        LogStale(loggers.CreateLogger(LoggerName), endpoint);
        return Results.Unauthorized();
    }

    private static IResult Replayed(ILoggerFactory loggers, string endpoint)
    {
        LogReplayed(loggers.CreateLogger(LoggerName), endpoint);
        return Results.Unauthorized();
    }

    private static IResult Rejected(ILoggerFactory loggers, string endpoint, WeComCryptoError error)
    {
        LogRejected(loggers.CreateLogger(LoggerName), endpoint, (int)error, error);
        return error is WeComCryptoError.ValidateSignature ? Results.Unauthorized() : Results.BadRequest();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom {Endpoint} callback rejected: timestamp missing or outside WeCom:TimestampWindow")]
    private static partial void LogStale(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom {Endpoint} callback rejected: timestamp and nonce were seen before (replay)")]
    private static partial void LogReplayed(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom {Endpoint} callback rejected with code {Code} ({Error})")]
    private static partial void LogRejected(ILogger logger, string endpoint, int code, WeComCryptoError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom {Endpoint} callback decrypted but its JSON is unreadable")]
    private static partial void LogUnreadable(ILogger logger, string endpoint);
}
