using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Host.Channels.WeCom.AiBot;
using GridBot.Host.Channels.WeCom.Kf;
using GridBot.Host.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Endpoints;

/// <summary>
/// POST /api/messages: a Bot Framework Activity in. With deliveryMode "expectReplies" the turn's replies come back
/// in the response (200); otherwise 202 and the replies are POSTed to serviceUrl from the outbox.
/// </summary>
public static class BotFrameworkEndpoints
{
    public const long MaxBodyBytes = 256 * 1024;
    private const int MaxIdLength = 128;
    private const int MaxTextLength = 4000;

    /// <summary>Channels whose people are vouched for by a signed callback (WeCom AI bot and app, 微信客服), never by this endpoint.</summary>
    private static readonly HashSet<string> SignedChannels = new([AiBotActivityMapper.ChannelId, KfChannel.Name], StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", PostActivityAsync);
        return endpoints;
    }

    private static async Task<IResult> PostActivityAsync(HttpContext http, BotAdapter adapter, IOptions<BotFrameworkOptions> options, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
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
            return Results.Problem(title: "Malformed activity JSON", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (Validate(activity) is { } problem)
        {
            return Results.Problem(title: "Invalid activity", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        // This endpoint has no channel authentication of its own, so it must not speak for a channel that has: a WeCom
        // userid here would act with that member's role (派单, 办结, 详情 with phones) without WeCom's signature.
        if (SignedChannels.Contains(activity!.ChannelId!))
        {
            return Results.Problem(title: "Channel not accepted here",
                detail: $"Activities of channel '{activity.ChannelId}' only come in through that channel's signed callback.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        if (!expectReplies && !options.Value.IsAllowed(activity.ServiceUrl))
        {
            return Results.Problem(title: "serviceUrl not allowed",
                detail: "Replies are delivered by callback to serviceUrl, which must match BotFramework:AllowedServiceUrls; or send deliveryMode \"expectReplies\".",
                statusCode: StatusCodes.Status400BadRequest);
        }

        activity.Timestamp ??= DateTimeOffset.UtcNow;
        var result = await adapter.ProcessAsync(activity, expectReplies, cancellationToken);
        return expectReplies
            ? Results.Json(new ExpectedReplies { Activities = [.. result.Replies] }, ActivityJson.Default.ExpectedReplies)
            : Results.Accepted();
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

        return activity.Text is { Length: > MaxTextLength } ? $"text is at most {MaxTextLength} characters." : null;
    }

    private static IResult TooLarge() =>
        Results.Problem(title: "Activity too large", detail: $"The body must be at most {MaxBodyBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
