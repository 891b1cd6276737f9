using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Outbox;

/// <summary>
/// The moves of outbox rows nobody tracks (the dispatcher claims and records rows with one UPDATE each, so several
/// hosts share the work without loading a row first). Each move is conditional on the row being pending, and the
/// condition is the check: a sent or failed row is never claimed, marked sent twice, retried or failed again; the
/// count of rows moved is 0 then. The caller narrows <c>rows</c> (an id, an id under its own lease).
/// </summary>
public static class OutboxMoves
{
    /// <summary>
    /// Claims the due ones among <paramref name="rows"/>: a fresh lease id, and the due time moved to the lease's end so
    /// no other dispatcher sees them as due until it runs out.
    /// </summary>
    public static Task<int> LeaseAsync(this IQueryable<OutboxMessage> rows, DateTime nowUtc, Guid leaseId, DateTime untilUtc, CancellationToken cancellationToken) =>
        Pending(rows).Where(o => o.NextAttemptUtc <= nowUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptUtc, untilUtc).SetProperty(o => o.LeaseId, (Guid?)leaseId), cancellationToken);

    /// <summary>The channel has it: an attempt that succeeded.</summary>
    public static Task<int> MarkSentAsync(this IQueryable<OutboxMessage> rows, DateTime nowUtc, CancellationToken cancellationToken) =>
        Pending(rows).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.SentUtc, nowUtc)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.LastError, (string?)null)
            .SetProperty(o => o.LeaseId, (Guid?)null), cancellationToken);

    /// <summary>Held back before anything left the host (our own rate limit): due again at <paramref name="dueUtc"/>, not an attempt.</summary>
    public static Task<int> PostponeAsync(this IQueryable<OutboxMessage> rows, DateTime dueUtc, CancellationToken cancellationToken) =>
        Pending(rows).ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptUtc, dueUtc).SetProperty(o => o.LeaseId, (Guid?)null), cancellationToken);

    /// <summary>An attempt that failed for now: tried again at <paramref name="dueUtc"/>.</summary>
    public static Task<int> RetryAsync(this IQueryable<OutboxMessage> rows, DateTime dueUtc, string reason, CancellationToken cancellationToken)
    {
        var error = OutboxMessage.TrimError(reason);
        return Pending(rows).ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptUtc, dueUtc)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.LastError, error)
            .SetProperty(o => o.LeaseId, (Guid?)null), cancellationToken);
    }

    /// <summary>The last attempt: it will never go (a permanent answer, or the retries are spent), kept with its reason for staff.</summary>
    public static Task<int> FailAsync(this IQueryable<OutboxMessage> rows, string reason, CancellationToken cancellationToken)
    {
        var error = OutboxMessage.TrimError(reason);
        return Pending(rows).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Failed)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.LastError, error)
            .SetProperty(o => o.LeaseId, (Guid?)null), cancellationToken);
    }

    private static IQueryable<OutboxMessage> Pending(IQueryable<OutboxMessage> rows) => rows.Where(o => o.Status == OutboxStatus.Pending);
}
