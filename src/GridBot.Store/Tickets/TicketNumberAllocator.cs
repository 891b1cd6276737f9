using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Tickets;

/// <summary>
/// Hands out GD20261123-0007 style numbers with one atomic upsert inside the turn's write transaction, which it asks
/// the turn's owner (<see cref="TurnTransaction"/>) for, so the number is committed with the ticket (one write
/// transaction per turn) and a failed turn gives its number back. Concurrent turns wait for the write lock here, which SQLite's single writer makes them
/// do at commit anyway. The statement is the same on SQLite and PostgreSQL (quoted names: PostgreSQL folds bare ones
/// to lower case).
/// </summary>
public sealed class TicketNumberAllocator(GridBotDbContext db, TurnTransaction turn)
{
    public async Task<string> NextAsync(string prefix, DateOnly day, CancellationToken cancellationToken)
    {
        var dayText = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        await turn.EnsureWriteAsync(cancellationToken);

        var values = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO "TicketSequences" ("Prefix", "Day", "Last") VALUES ({prefix}, {dayText}, 1)
            ON CONFLICT ("Prefix", "Day") DO UPDATE SET "Last" = "TicketSequences"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(cancellationToken);
        return $"{prefix}{dayText}-{values[0]:D4}";
    }
}
