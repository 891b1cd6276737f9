using GridBot.Store.Announcements;
using GridBot.Store.Grids;
using GridBot.Store.Knowledge;
using GridBot.Store.Tickets;

namespace GridBot.Store;

/// <summary>
/// <see cref="GridScope"/>'s rule as query filters that EF translates to SQL (a <c>LIKE 'prefix%'</c> on the grid
/// path, on SQLite and PostgreSQL alike). "In scope" is the scope's grid or below it; "covering" a grid path is that
/// grid or above it (its leaders, its chats, its knowledge). The whole scope ("/") adds no filter at all.
/// </summary>
public static class GridScopeQueries
{
    public static IQueryable<Grid> InScope(this IQueryable<Grid> grids, GridScope scope) =>
        scope.IsEverything ? grids : grids.Where(g => g.Path.StartsWith(scope.Path));

    public static IQueryable<Grid> Covering(this IQueryable<Grid> grids, string gridPath) =>
        grids.Where(g => gridPath.StartsWith(g.Path));

    public static IQueryable<Ticket> InScope(this IQueryable<Ticket> tickets, GridScope scope) =>
        scope.IsEverything ? tickets : tickets.Where(t => t.Grid!.Path.StartsWith(scope.Path));

    public static IQueryable<Chat> InScope(this IQueryable<Chat> chats, GridScope scope) =>
        scope.IsEverything ? chats : chats.Where(c => c.Grid!.Path.StartsWith(scope.Path));

    public static IQueryable<Chat> Covering(this IQueryable<Chat> chats, string gridPath) =>
        chats.Where(c => gridPath.StartsWith(c.Grid!.Path));

    public static IQueryable<Member> InScope(this IQueryable<Member> members, GridScope scope) =>
        scope.IsEverything ? members : members.Where(m => m.Grid!.Path.StartsWith(scope.Path));

    public static IQueryable<Member> Covering(this IQueryable<Member> members, string gridPath) =>
        members.Where(m => gridPath.StartsWith(m.Grid!.Path));

    /// <summary>Members on a grid's line: inside <paramref name="scope"/>, or above (or at) the grid at <paramref name="gridPath"/>.</summary>
    public static IQueryable<Member> InScopeOrCovering(this IQueryable<Member> members, GridScope scope, string gridPath) =>
        members.Where(m => m.Grid!.Path.StartsWith(scope.Path) || gridPath.StartsWith(m.Grid!.Path));

    public static IQueryable<KnowledgeEntry> Covering(this IQueryable<KnowledgeEntry> entries, string gridPath) =>
        entries.Where(e => gridPath.StartsWith(e.Grid!.Path));

    /// <summary>Deliveries into chats of the scope (the chat's grid today).</summary>
    public static IQueryable<AnnouncementDelivery> InScope(this IQueryable<AnnouncementDelivery> deliveries, GridScope scope) =>
        deliveries.Where(d => d.Chat!.Grid!.Path.StartsWith(scope.Path));

    /// <summary>Acknowledgements by members of the scope.</summary>
    public static IQueryable<AnnouncementAck> InScope(this IQueryable<AnnouncementAck> acks, GridScope scope) =>
        acks.Where(k => k.Member!.Grid!.Path.StartsWith(scope.Path));

    /// <summary>
    /// Announcements delivered into at least one chat of the scope. Not short-cut for the whole scope: an announcement
    /// that reached no chat (customer groups only, or not yet published) is left to the caller to include.
    /// </summary>
    public static IQueryable<Announcement> DeliveredInto(this IQueryable<Announcement> announcements, GridScope scope) =>
        announcements.Where(a => a.Deliveries.Any(d => d.Chat!.Grid!.Path.StartsWith(scope.Path)));
}
