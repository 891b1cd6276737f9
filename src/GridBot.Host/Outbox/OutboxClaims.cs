using GridBot.Store;
using GridBot.Store.Outbox;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Outbox;

/// <summary>
/// Claims due rows for one dispatcher with one conditional UPDATE that works on SQLite and PostgreSQL alike: the rows
/// get a fresh lease id and their due time moves to the lease's end, so no other dispatcher (on this host or another)
/// sees them as due until the lease runs out.
/// </summary>
/// <remarks>
/// Only the head of each conversation is claimable: a row whose conversation has an earlier pending row (due later
/// after a failure, or claimed by another host right now) waits, so a later message never overtakes an earlier one.
/// The due test is repeated outside the subquery on purpose (<see cref="OutboxMoves.LeaseAsync"/> makes it): on
/// PostgreSQL a concurrent UPDATE that waited for another host's row lock re-checks only the outer condition against
/// the new row, and the moved due time fails it.
/// </remarks>
internal static class OutboxClaims
{
    public static async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(GridBotDbContext db, WriterGate writers, DateTime now, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var leaseId = Guid.NewGuid();
        var heads = db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptUtc <= now
                && !db.Outbox.Any(e => e.Channel == o.Channel && e.ConversationId == o.ConversationId
                    && e.Status == OutboxStatus.Pending && e.Id < o.Id))
            .OrderBy(o => o.Id)
            .Take(batchSize)
            .Select(o => o.Id);
        // Queued for SQLite's one writer behind waiting turns, not in its busy handler (whose sleeps would hold a turn back).
        var entered = await writers.EnterBackgroundAsync(cancellationToken);
        int claimed;
        try
        {
            claimed = await db.Outbox.Where(o => heads.Contains(o.Id)).LeaseAsync(now, leaseId, now + lease, cancellationToken);
        }
        finally
        {
            if (entered)
            {
                writers.Leave();
            }
        }

        if (claimed == 0)
        {
            return [];
        }

        return await db.Outbox.AsNoTracking().Where(o => o.LeaseId == leaseId && o.Status == OutboxStatus.Pending)
            .OrderBy(o => o.Id).ToListAsync(cancellationToken);
    }
}
