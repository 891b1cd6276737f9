using Microsoft.EntityFrameworkCore;

namespace GridBot.Store;

/// <summary>
/// Whether the database takes a write now, by committing one: a probe row is inserted into the inbox table and deleted
/// again in one transaction, so nothing stays, yet the commit writes pages like a turn's (a full disk, a read-only file
/// or a lock held past the busy timeout fail it as they would fail a turn). Connecting alone says none of that.
/// </summary>
public static class DatabaseWriteProbe
{
    private const string EmptyJson = "{}";

    /// <returns>Null when the write committed; else the reason (<see cref="StoreErrors.StorageUnavailableReason"/>).</returns>
    public static async Task<string?> ProbeAsync(GridBotDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var key = "readyz|" + Guid.NewGuid().ToString("N");
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "TurnInbox" ("Key", "ActivityJson", "AcceptedUtc", "Attempts") VALUES ({key}, {EmptyJson}, {nowUtc}, 0)""", cancellationToken);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "TurnInbox" WHERE "Key" = {key}""", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (StoreErrors.StorageUnavailableReason(ex) is { } reason)
        {
            return reason;
        }
    }
}
