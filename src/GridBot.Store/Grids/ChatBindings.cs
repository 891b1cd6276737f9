using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Grids;

/// <summary>
/// The chat → grid bindings the identity step needs on every turn, from <see cref="IdentityCache"/> so a bound chat
/// costs no round trip. Each turn gets its own Chat and Grid instances, attached to its context as unchanged. A change
/// to any chat or grid made through EF in this process forgets them all; another process's change is seen within
/// <see cref="IdentityCache.MaxAge"/>. An unbound chat is not remembered: it costs the read, as before.
/// </summary>
public sealed class ChatBindings(IdentityCache cache)
{
    // Read on a chat's first turn (most of a short bench run's turns): compiled once, so a turn does not build, hash
    // and look up the query's expression tree again.
    private static readonly Func<GridBotDbContext, string, string, CancellationToken, Task<Chat?>> Bound =
        EF.CompileAsyncQuery((GridBotDbContext db, string channel, string chatId, CancellationToken _) =>
            db.Chats.Include(c => c.Grid).FirstOrDefault(c => c.Channel == channel && c.ChatId == chatId));

    /// <returns>The chat bound on <paramref name="channel"/> with its grid, tracked by <paramref name="db"/>; null when unbound.</returns>
    public async Task<Chat?> FindAsync(GridBotDbContext db, string channel, string chatId, CancellationToken cancellationToken)
    {
        var key = new Key(channel, chatId);
        if (cache.TryGet<Chat>(key, out var entry) && Attach(db, entry) is { } cached)
        {
            return cached;
        }

        var stamp = cache.Stamp;
        var chat = await Bound(db, channel, chatId, cancellationToken);
        // Inside a transaction the read may see that transaction's own uncommitted change: used, not remembered.
        if (chat is not null && db.Database.CurrentTransaction is null)
        {
            cache.Remember(key, Copy(chat, IdentityCache.Copy(chat.Grid!)), stamp);
        }

        return chat;
    }

    // A context that already tracks the chat or its grid (loaded earlier in the turn) keeps its own: read as before.
    private static Chat? Attach(GridBotDbContext db, Chat entry)
    {
        if (db.Chats.Local.FindEntry(entry.Id) is not null || db.Grids.Local.FindEntry(entry.GridId) is not null)
        {
            return null;
        }

        var chat = Copy(entry, IdentityCache.Copy(entry.Grid!));
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

    private readonly record struct Key(string Channel, string ChatId);
}
