using System.Globalization;
using System.Security.Cryptography;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridBot.Store.Tickets;

/// <summary>
/// Hands out GD20261123-0007 style numbers, taken at the commit of the unit of work they belong to
/// (<see cref="TurnTransaction"/>), not when the ticket is opened: on SQLite the number's upsert takes the one write
/// lock, and every turn waits for whoever holds it, so it is held only for the commit itself. Until then a ticket, its
/// reply, its urgent alert and the dialog state carry a placeholder; at commit, inside the write transaction, the turn's
/// numbers are taken in the order they were asked for (one atomic upsert per prefix and day) and written over the
/// placeholders in every string the turn saves, and <see cref="Resolve"/> completes what leaves in the response. A
/// rolled back unit of work never took its numbers, and a failed commit gives them back with the rest, so numbers stay
/// gapless and two units of work never get the same one. The statement is the same on SQLite and PostgreSQL (quoted
/// names: PostgreSQL folds bare ones to lower case).
/// </summary>
public sealed class TicketNumberAllocator(GridBotDbContext db)
{
    // Letters only, so JSON (dialog state, stored replies) writes it as it is and no mask reads it as a phone; random per
    // process, so no resident's text can hold it and be rewritten into a number.
    private static readonly string Marker = "~" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 16);

    private readonly List<PendingNumber> _pending = [];

    /// <returns>The placeholder that stands for the number until the commit writes it over.</returns>
    public string Reserve(string prefix, DateOnly day)
    {
        // The trailing "~" ends the index, so the placeholder of reservation 1 is not the start of reservation 27's.
        var placeholder = $"{Marker}{Index(_pending.Count)}~";
        _pending.Add(new PendingNumber(prefix, day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), placeholder));
        return placeholder;
    }

    /// <summary>The text with every placeholder replaced by its number; only once the commit took the numbers.</summary>
    /// <exception cref="InvalidOperationException">A placeholder is left whose number was not taken.</exception>
    public string Resolve(string text)
    {
        if (!text.Contains(Marker, StringComparison.Ordinal))
        {
            return text;
        }

        foreach (var pending in _pending)
        {
            if (pending.Number is { } number)
            {
                text = text.Replace(pending.Placeholder, number, StringComparison.Ordinal);
            }
        }

        return text.Contains(Marker, StringComparison.Ordinal)
            ? throw new InvalidOperationException("A ticket number placeholder is left whose number was not taken.")
            : text;
    }

    /// <summary>True while a number was reserved whose number the commit has not taken yet.</summary>
    internal bool HasPending => _pending.Exists(p => p.Number is null);

    /// <summary>
    /// The strings the unit of work is about to save that hold a placeholder. Found before the writer is entered, so the
    /// held section only writes the numbers in.
    /// </summary>
    internal List<PropertyEntry> Holders()
    {
        var holders = new List<PropertyEntry>();
        if (!HasPending)
        {
            return holders;
        }

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && text.Contains(Marker, StringComparison.Ordinal))
                {
                    holders.Add(property);
                }
            }
        }

        return holders;
    }

    /// <summary>Inside the write transaction: takes the pending numbers in order and writes them over their placeholders.</summary>
    internal async Task TakeAsync(IReadOnlyList<PropertyEntry> holders, CancellationToken cancellationToken)
    {
        foreach (var sequence in _pending.Where(p => p.Number is null).GroupBy(p => (p.Prefix, p.Day)).ToList())
        {
            var (prefix, day) = sequence.Key;
            var count = sequence.Count();
            var values = await db.Database.SqlQuery<int>(
                $"""
                INSERT INTO "TicketSequences" ("Prefix", "Day", "Last") VALUES ({prefix}, {day}, {count})
                ON CONFLICT ("Prefix", "Day") DO UPDATE SET "Last" = "TicketSequences"."Last" + excluded."Last"
                RETURNING "Last" AS "Value"
                """).ToListAsync(cancellationToken);
            var next = values[0] - count + 1;
            foreach (var pending in sequence)
            {
                pending.Number = $"{prefix}{day}-{next++:D4}";
            }
        }

        foreach (var holder in holders)
        {
            holder.CurrentValue = Resolve((string)holder.CurrentValue!);
        }
    }

    /// <summary>The unit of work was rolled back: what it reserved or took is gone with it.</summary>
    internal void Forget() => _pending.Clear();

    private static string Index(int index)
    {
        var letters = "";
        do
        {
            letters = (char)('a' + index % 26) + letters;
            index /= 26;
        }
        while (index > 0);
        return letters;
    }

    private sealed class PendingNumber(string prefix, string day, string placeholder)
    {
        public string Prefix { get; } = prefix;
        public string Day { get; } = day;
        public string Placeholder { get; } = placeholder;
        public string? Number { get; set; }
    }
}
