using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Grids;

/// <summary>
/// A person's member rows on a channel (each with its grid), which the identity step reads on every turn for the
/// speaker's role, from <see cref="IdentityCache"/>. Each turn gets its own Member and Grid instances, attached to its
/// context as unchanged. A save in this process that adds, changes or removes one of the person's rows forgets theirs
/// (a role changed by import, a resident created by a turn, a kf resident moved to another grid), a grid change
/// forgets everyone's; another process's change is seen within <see cref="IdentityCache.MaxAge"/>. A person with no
/// row is remembered as such: whatever makes them a member is a save that forgets it.
/// </summary>
public sealed class Memberships(IdentityCache cache)
{
    // Read on a person's first turn and after any save of their rows (on nearly every bench turn, each a new resident):
    // compiled once, so a turn does not build, hash and look up the query's expression tree again.
    private static readonly Func<GridBotDbContext, string, string, IAsyncEnumerable<Member>> OfPerson =
        EF.CompileAsyncQuery((GridBotDbContext db, string channel, string userId) =>
            db.Members.Include(m => m.Grid).Where(m => m.Channel == channel && m.UserId == userId));

    /// <param name="chatGrid">
    /// The grid of the bound chat spoken in, or null. Remembered rows none of which covers it are not trusted: another
    /// process may have made the person a member there since, and the identity step would add the resident again
    /// (a unique-key violation that fails the turn).
    /// </param>
    /// <returns>The person's members on <paramref name="channel"/> with their grids, tracked by <paramref name="db"/>.</returns>
    public async Task<IReadOnlyList<Member>> FindAsync(GridBotDbContext db, string channel, string userId, Grid? chatGrid, CancellationToken cancellationToken)
    {
        var key = new Key(channel, userId);
        if (cache.TryGet<Member[]>(key, out var entry)
            && (chatGrid is null || entry.Any(m => GridScope.IsWithin(chatGrid.Path, m.Grid!.Path)))
            && Attach(db, entry) is { } cached)
        {
            return cached;
        }

        var stamp = cache.Stamp;
        var members = await OfPerson(db, channel, userId).ToListAsync(cancellationToken);
        // Inside a transaction the read may see that transaction's own uncommitted row (kf's new resident): used, not
        // remembered, since another turn must not take a member that may yet be rolled back.
        if (db.Database.CurrentTransaction is null)
        {
            cache.Remember(key, members.Select(m => Copy(m, IdentityCache.Copy(m.Grid!))).ToArray(), stamp);
        }

        return members;
    }

    /// <summary>The entry a save of that person's rows forgets (<see cref="IdentityCacheInvalidation"/>).</summary>
    internal static object KeyOf(string channel, string userId) => new Key(channel, userId);

    // A context that already tracks one of the rows (kf's gate loaded them) keeps its own: read as before. A grid the
    // context tracks (the chat's, attached just before) is shared rather than attached twice.
    private static List<Member>? Attach(GridBotDbContext db, Member[] entry)
    {
        if (entry.Any(m => db.Members.Local.FindEntry(m.Id) is not null))
        {
            return null;
        }

        var members = new List<Member>(entry.Length);
        foreach (var stored in entry)
        {
            var grid = db.Grids.Local.FindEntry(stored.GridId)?.Entity ?? IdentityCache.Copy(stored.Grid!);
            var member = Copy(stored, grid);
            db.Members.Attach(member);
            members.Add(member);
        }

        return members;
    }

    private static Member Copy(Member member, Grid grid) => new()
    {
        Id = member.Id,
        Channel = member.Channel,
        UserId = member.UserId,
        Name = member.Name,
        Phone = member.Phone,
        IdNumber = member.IdNumber,
        GridId = member.GridId,
        Grid = grid,
        Role = member.Role,
    };

    private readonly record struct Key(string Channel, string UserId);
}
