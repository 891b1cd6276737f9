using System.Net;
using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Host.Channels.BotFramework;
using GridBot.Host.Channels.WeCom.AiBot;
using GridBot.Host.Channels.WeCom.Kf;
using GridBot.Host.Channels.WebChat;
using GridBot.Host.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Endpoints;

/// <summary>
/// POST /api/messages: a Bot Framework Activity in, from Azure Bot Service (Teams, Direct Line, Web Chat) with its
/// signed Bearer token, or from a loopback caller (the Emulator) when no app id is configured. With deliveryMode
/// "expectReplies" the turn's replies come back in the response (200); otherwise 202 and the replies are POSTed to
/// serviceUrl from the outbox.
/// </summary>
public static class BotFrameworkEndpoints
{
    public const long MaxBodyBytes = 256 * 1024;
    private const int MaxIdLength = 128;
    private const int MaxTextLength = 4000;

    /// <summary>
    /// Channels whose people are vouched for elsewhere, never by this endpoint: WeCom's signed callbacks (AI bot, app,
    /// 微信客服) and the demo chat page, whose identities are self-declared and which has its own endpoint.
    /// </summary>
    private static readonly HashSet<string> OtherWaysIn = new([AiBotActivityMapper.ChannelId, KfChannel.Name, WebChatSender.ChannelName], StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", PostActivityAsync);
        return endpoints;
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http,
        BotAdapter adapter,
        BotFrameworkAuthenticator authenticator,
        ConversationReferences references,
        IOptions<BotFrameworkOptions> options,
        CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        // Who is calling is settled before a byte of the body is read.
        BotFrameworkIdentity? identity = null;
        if (authenticator.Enabled)
        {
            identity = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, cancellationToken);
            if (identity.KeysMissing)
            {
                return Results.Problem(title: "系统繁忙", detail: "Bot Framework's signing keys could not be fetched; try again later.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            if (!identity.Valid)
            {
                return Unauthorized(http, "The request must carry a valid Bot Framework token.");
            }
        }
        else if (!IsLocalCaller(http))
        {
            return Unauthorized(http, "Bot Framework authentication is off (no BotFramework:MicrosoftAppId): only loopback callers such as the Emulator are accepted.");
        }

        var (activity, invalid) = await ReadAsync(http, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (OtherWaysIn.Contains(activity!.ChannelId!))
        {
            return Results.Problem(title: "Channel not accepted here",
                detail: $"Activities of channel '{activity.ChannelId}' only come in through that channel's own endpoint.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        if (identity?.Mismatch(activity) is { } mismatch)
        {
            return Unauthorized(http, mismatch);
        }

        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        if (!expectReplies && !options.Value.IsAllowed(activity.ServiceUrl))
        {
            return Results.Problem(title: "serviceUrl not allowed",
                detail: "Replies are delivered by callback to serviceUrl, which must match BotFramework:AllowedServiceUrls; or send deliveryMode \"expectReplies\".",
                statusCode: StatusCodes.Status400BadRequest);
        }

        await references.RememberAsync(activity, cancellationToken);
        return await ProcessAsync(adapter, activity, expectReplies, cancellationToken);
    }

    /// <summary>Runs the turn and answers the way the caller asked (the replies in the body, or 202 and the outbox).</summary>
    internal static async Task<IResult> ProcessAsync(BotAdapter adapter, Activity activity, bool expectReplies, CancellationToken cancellationToken)
    {
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        var result = await adapter.ProcessAsync(activity, expectReplies, cancellationToken);
        return expectReplies
            ? Results.Json(new ExpectedReplies { Activities = [.. result.Replies] }, ActivityJson.Default.ExpectedReplies)
            : Results.Accepted();
    }

    /// <summary>Reads and checks an activity body (size, JSON, what a turn needs); shared with the chat page's endpoint.</summary>
    /// <returns>The activity, or the problem to answer with.</returns>
    internal static async Task<(Activity? Activity, IResult? Problem)> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(http.Request.Body, ActivityJson.Default.Activity, cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, Results.Problem(title: "Malformed activity JSON", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }

        return Validate(activity) is { } problem
            ? (null, Results.Problem(title: "Invalid activity", detail: problem, statusCode: StatusCodes.Status400BadRequest))
            : (activity, null);
    }

    /// <summary>
    /// The Emulator on the same machine. A loopback connection that carries forwarding headers came through a reverse
    /// proxy from somewhere else, so it is not local.
    /// </summary>
    private static bool IsLocalCaller(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address) &&
        !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");

    private static IResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(title: "Unauthorized", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
    }

    private static string? Validate(Activity? activity)
    {
        if (activity is null)
        {
            return "The body must be an activity object.";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "type is required.";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId) || activity.ChannelId.Length > 32)
        {
            return "channelId is required (at most 32 characters).";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id) || activity.Conversation.Id.Length > MaxIdLength)
        {
            return "conversation.id is required (at most 128 characters).";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id) || activity.From.Id.Length > MaxIdLength)
        {
            return "from.id is required (at most 128 characters).";
        }

        if (activity.Id is { Length: > MaxIdLength })
        {
            return "id is at most 128 characters.";
        }

        if (activity.ServiceUrl is { Length: > 512 })
        {
            return "serviceUrl is at most 512 characters.";
        }

        return activity.Text is { Length: > MaxTextLength } ? $"text is at most {MaxTextLength} characters." : null;
    }

    private static IResult TooLarge() =>
        Results.Problem(title: "Activity too large", detail: $"The body must be at most {MaxBodyBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
