using GridBot.Store;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Reminders;

/// <summary>
/// Writes scheduled notices exactly once. Each unit adds its <see cref="ScheduleNotice"/> and its outbox rows to the
/// unit of work; batches commit together, and a batch that loses the unique-index race to another host is replayed
/// one unit at a time so only the units the other host already wrote are dropped.
/// </summary>
public sealed class ScheduleNoticeLedger(GridBotDbContext db)
{
    private const int BatchSize = 250;

    public async Task<HashSet<(ScheduleKind Kind, string Scope, string Slot)>> ExistingAsync(
        IReadOnlyCollection<ScheduleKind> kinds, IReadOnlyCollection<string> slots, CancellationToken cancellationToken)
    {
        var rows = await db.ScheduleNotices.AsNoTracking()
            .Where(n => kinds.Contains(n.Kind) && slots.Contains(n.Slot))
            .Select(n => new { n.Kind, n.Scope, n.Slot })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Kind, r.Scope, r.Slot))];
    }

    /// <returns>How many units were committed by this call (the rest were already written elsewhere).</returns>
    public async Task<int> CommitAsync(IReadOnlyList<Action> units, CancellationToken cancellationToken)
    {
        var committed = 0;
        foreach (var batch in units.Chunk(BatchSize))
        {
            foreach (var unit in batch)
            {
                unit();
            }

            if (await TrySaveAsync(cancellationToken))
            {
                committed += batch.Length;
                continue;
            }

            foreach (var unit in batch)
            {
                unit();
                committed += await TrySaveAsync(cancellationToken) ? 1 : 0;
            }
        }

        return committed;
    }

    /// <summary>False when the notice was already written (the unique index said so); the unit's rows are discarded.</summary>
    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return true;
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
