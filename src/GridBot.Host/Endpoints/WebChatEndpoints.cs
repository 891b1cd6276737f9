using GridBot.Dialogs.Core;
using GridBot.Host.Channels.WebChat;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Endpoints;

/// <summary>
/// The demo chat page at /: its own way in (channel <c>demo</c>, where people are who they say they are), the groups,
/// who can speak there, and later messages. It shares neither /api/messages nor a channel name with Bot Framework,
/// whose <c>webchat</c> is Microsoft's Web Chat.
/// </summary>
public static class WebChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/webchat");
        group.MapPost("/messages", PostActivityAsync);
        group.MapGet("/setup", GetSetupAsync);
        group.MapGet("/conversations/{chatId}/activities", GetActivitiesAsync);
        return endpoints;
    }

    private static async Task<IResult> PostActivityAsync(HttpContext http, BotAdapter adapter, CancellationToken cancellationToken)
    {
        var (activity, invalid) = await BotFrameworkEndpoints.ReadAsync(http, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        // Only the demo channel: a member of a real channel must not be spoken for by a page where anyone picks who they are.
        if (!string.Equals(activity!.ChannelId, WebChatSender.ChannelName, StringComparison.Ordinal))
        {
            return Results.Problem(title: "Channel not accepted here",
                detail: $"The chat page's endpoint takes channel '{WebChatSender.ChannelName}' only.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        // Replies without expectReplies are outbox rows that the page reads from its feed: no serviceUrl is called.
        var expectReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        return await BotFrameworkEndpoints.ProcessAsync(adapter, activity, expectReplies, cancellationToken);
    }

    private static async Task<IResult> GetSetupAsync(GridBotDbContext db, CancellationToken cancellationToken)
    {
        var chats = await db.Chats.AsNoTracking().Include(c => c.Grid)
            .Where(c => c.Channel == WebChatSender.ChannelName)
            .OrderBy(c => c.Grid!.Path).Take(200)
            .ToListAsync(cancellationToken);
        var staff = await db.Members.AsNoTracking().Include(m => m.Grid)
            .Where(m => m.Channel == WebChatSender.ChannelName && MemberRoleExtensions.StaffRoles.Contains(m.Role))
            .ToListAsync(cancellationToken);
        var people = chats.ToDictionary(
            c => c.ChatId,
            c => staff.Where(m => GridScope.IsWithin(c.Grid!.Path, m.Grid!.Path))
                .OrderByDescending(m => m.Grid!.Path.Length).ThenBy(m => m.Role)
                .Select(m => new WebChatPerson(m.UserId, m.Name, m.Role.ToString(), RoleNames.Of(m.Role)))
                .ToList());
        return Results.Ok(new WebChatSetup(
            new WebChatBot("gridbot", "网格小助手"),
            chats.Select(c => new WebChatChat(c.ChatId, c.Name, c.Grid!.Code, c.Grid.Name)).ToList(),
            people));
    }

    private static async Task<IResult> GetActivitiesAsync(string chatId, long? after, GridBotDbContext db, CancellationToken cancellationToken)
    {
        var sent = db.Outbox.AsNoTracking()
            .Where(o => o.Channel == WebChatSender.ChannelName && o.ConversationId == chatId && o.Status == OutboxStatus.Sent);
        var last = await sent.MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0;
        if (after is null or < 0)
        {
            return Results.Ok(new WebChatFeed([], last));
        }

        var items = await sent.Where(o => o.Id > after).OrderBy(o => o.Id).Take(100)
            .Select(o => new WebChatFeedItem(o.Id, o.Text, o.CreatedUtc))
            .ToListAsync(cancellationToken);
        return Results.Ok(new WebChatFeed(items, items.Count == 0 ? Math.Max(after.Value, 0) : items[^1].Id));
    }
}
