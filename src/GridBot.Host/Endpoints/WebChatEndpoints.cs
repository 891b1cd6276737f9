using GridBot.Host.Channels.WebChat;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Endpoints;

/// <summary>What the chat page at / needs besides /api/messages: the groups, who can speak there, and later messages.</summary>
public static class WebChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/webchat");
        group.MapGet("/setup", GetSetupAsync);
        group.MapGet("/conversations/{chatId}/activities", GetActivitiesAsync);
        return endpoints;
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
            c => staff.Where(m => c.Grid!.Path.StartsWith(m.Grid!.Path, StringComparison.Ordinal))
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
