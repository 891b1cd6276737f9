namespace GridBot.Store.Schedules;

/// <summary>
/// The idempotency key of one scheduled notice: (kind, scope, slot) is unique, and the row is written in the same
/// transaction as the outbox rows it guards. A second fire, a restart or a second host finds the row (or loses the
/// insert race on the unique index) and sends nothing.
/// </summary>
public sealed class ScheduleNotice
{
    public long Id { get; set; }
    public ScheduleKind Kind { get; set; }

    /// <summary>A grid code for agendas and digests, a ticket id for deadline notices.</summary>
    public required string Scope { get; set; }

    /// <summary>The local fire minute ("2026-11-23 17:30") or, for deadline notices, the deadline it belongs to.</summary>
    public required string Slot { get; set; }

    public bool Skipped { get; set; }
    public DateTime AtUtc { get; set; }
}
