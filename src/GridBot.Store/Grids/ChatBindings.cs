using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Grids;

/// <summary>
/// The chat → grid bindings the identity step needs on every turn, kept in memory so a bound chat costs no round trip.
/// Each turn gets its own Chat and Grid instances, attached to its context as unchanged (the cache's copies are never
/// handed out, so no two contexts share an entity). Changes made through EF anywhere in this process invalidate the
/// whole map (<see cref="ChatBindingInvalidation"/>: on save, and again on the commit or rollback of the transaction
/// that held them); a change made by another process (a second host, the import verb) is seen within
/// <see cref="MaxAge"/>. An unbound chat is not remembered: it costs the read, as before.
/// </summary>
public sealed class ChatBindings(TimeProvider time)
{
    /// <summary>How long a binding read by this host is trusted: the bound on seeing another process's change.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Channel, string ChatId), Entry> _entries = new();
    private long _generation;

    /// <returns>The chat bound on <paramref name="channel"/> with its grid, tracked by <paramref name="db"/>; null when unbound.</returns>
    public async Task<Chat?> FindAsync(GridBotDbContext db, string channel, string chatId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue((channel, chatId), out var entry) && entry.Until > now && Attach(db, entry) is { } cached)
        {
            return cached;
        }

        // A read that began before an invalidation may carry the old binding: it is returned, but not remembered.
        var generation = Interlocked.Read(ref _generation);
        var chat = await db.Chats.Include(c => c.Grid).FirstOrDefaultAsync(c => c.Channel == channel && c.ChatId == chatId, cancellationToken);
        if (chat is not null && Interlocked.Read(ref _generation) == generation)
        {
            _entries[(channel, chatId)] = new Entry(Copy(chat, Copy(chat.Grid!)), now + MaxAge);
        }

        return chat;
    }

    /// <summary>Forgets every binding (a chat or grid changed): the next turn of each chat reads it again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    // A context that already tracks the chat or its grid (loaded earlier in the turn) keeps its own: read as before.
    private static Chat? Attach(GridBotDbContext db, Entry entry)
    {
        if (db.Chats.Local.FindEntry(entry.Chat.Id) is not null || db.Grids.Local.FindEntry(entry.Chat.GridId) is not null)
        {
            return null;
        }

        var chat = Copy(entry.Chat, Copy(entry.Chat.Grid!));
        db.Chats.Attach(chat);
        return chat;
    }

    private static Chat Copy(Chat chat, Grid grid) => new()
    {
        Id = chat.Id,
        Channel = chat.Channel,
        ChatId = chat.ChatId,
        Name = chat.Name,
        WebhookKey = chat.WebhookKey,
        GridId = chat.GridId,
        Grid = grid,
    };

    private static Grid Copy(Grid grid) => new()
    {
        Id = grid.Id,
        Code = grid.Code,
        Name = grid.Name,
        Level = grid.Level,
        ParentId = grid.ParentId,
        Path = grid.Path,
    };

    private sealed record Entry(Chat Chat, DateTimeOffset Until);
}
