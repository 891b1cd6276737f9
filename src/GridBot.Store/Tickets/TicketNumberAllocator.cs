using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Tickets;

/// <summary>
/// Hands out GD20261123-0007 style numbers with one atomic upsert, outside the turn's transaction
/// so concurrent turns never wait on each other for it. A turn that fails after this leaves a gap;
/// a gap is harmless, a duplicate number is not.
/// </summary>
public sealed class TicketNumberAllocator(GridBotDbContext db)
{
    public async Task<string> NextAsync(string prefix, DateOnly day, CancellationToken cancellationToken)
    {
        var dayText = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var values = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO TicketSequences (Prefix, Day, Last) VALUES ({prefix}, {dayText}, 1)
            ON CONFLICT(Prefix, Day) DO UPDATE SET Last = Last + 1
            RETURNING Last AS Value
            """).ToListAsync(cancellationToken);
        return $"{prefix}{dayText}-{values[0]:D4}";
    }
}
