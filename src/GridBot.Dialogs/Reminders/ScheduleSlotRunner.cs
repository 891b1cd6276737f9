using GridBot.Dialogs.Telemetry;
using GridBot.Store;
using GridBot.Store.Schedules;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Reminders;

/// <summary>Slots of some kinds that no run has handled yet, split into those still due and those past the grace.</summary>
public sealed record PendingSlots(int Total, IReadOnlyList<ScheduleSlot> Due, IReadOnlyList<ScheduleSlot> Late)
{
    public static readonly PendingSlots None = new(0, [], []);
}

/// <summary>
/// What every scheduled notice shares: which slots are pending as of a moment (planner + once-only ledger + missed-fire
/// grace), and for kinds with few slots (a community's meeting, a digest) the slot-at-a-time run where each slot's
/// notice row and outbox rows are saved together.
/// </summary>
public sealed class ScheduleSlotRunner(GridBotDbContext db, SchedulePlanner planner, ScheduleNoticeLedger ledger, IOptions<ScheduleOptions> options, GridBotTelemetry telemetry)
{
    /// <param name="lookBack">How far back to look for slots not yet handled: the grace on a tick, a day on start.</param>
    public async Task<PendingSlots> PendingAsync(IReadOnlyList<ScheduleKind> kinds, DateTime asOfUtc, TimeSpan lookBack, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return PendingSlots.None;
        }

        var grace = options.Value.MissedFireGrace;
        var slots = await planner.SlotsAsync(kinds, asOfUtc - (lookBack > grace ? lookBack : grace), asOfUtc, null, cancellationToken);
        if (slots.Count == 0)
        {
            return PendingSlots.None;
        }

        var existing = await ledger.ExistingAsync(kinds, [.. slots.Select(s => s.Key).Distinct()], cancellationToken);
        var pending = slots.Where(s => !existing.Contains((s.Kind, s.Target.Code, s.Key))).ToList();
        var late = pending.Where(s => s.FireUtc <= asOfUtc - grace).ToList();
        return new PendingSlots(slots.Count, pending.Except(late).ToList(), late);
    }

    /// <param name="stage">Writes the slot's outbox rows into the unit of work; the runner adds the notice row and saves.</param>
    /// <param name="skipped">Told about each slot recorded as skipped (for the log).</param>
    public async Task<ScheduleRunResult> RunEachAsync(
        IReadOnlyList<ScheduleKind> kinds, DateTime asOfUtc, TimeSpan lookBack,
        Func<ScheduleSlot, CancellationToken, Task> stage, Action<ScheduleSlot> skipped, CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(kinds, asOfUtc, lookBack, cancellationToken);
        var skippedCount = 0;
        foreach (var slot in pending.Late)
        {
            db.ScheduleNotices.Add(Notice(slot, asOfUtc, skipped: true));
            skippedCount += await ledger.TrySaveAsync(cancellationToken) ? 1 : 0;
            skipped(slot);
        }

        var sent = 0;
        foreach (var slot in pending.Due)
        {
            await stage(slot, cancellationToken);
            db.ScheduleNotices.Add(Notice(slot, asOfUtc, skipped: false));
            if (await ledger.TrySaveAsync(cancellationToken))
            {
                sent++;
                telemetry.RemindersFired.Add(1, new KeyValuePair<string, object?>("kind", slot.Kind.ToString()));
            }
        }

        return new ScheduleRunResult(sent, skippedCount, pending.Total - sent - skippedCount);
    }

    public static ScheduleNotice Notice(ScheduleSlot slot, DateTime asOfUtc, bool skipped) =>
        new() { Kind = slot.Kind, Scope = slot.Target.Code, Slot = slot.Key, AtUtc = asOfUtc, Skipped = skipped };
}
