using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridBot.Store;

/// <summary>Database errors the features treat as outcomes, recognised on either provider.</summary>
public static class StoreErrors
{
    /// <summary>A unique index said no: SQLite's constraint error 19, PostgreSQL's SQLSTATE 23505.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// Why the database cannot take a write just now — full, read-only, locked past the busy timeout, or failing I/O — or
    /// null when the error is something else (a bug). These are operational states, not a turn's fault: nothing may be
    /// acknowledged while they last, so the channel answers 503 and WeCom retries. Only the reason is named, never the data.
    /// </summary>
    public static string? StorageUnavailableReason(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            var reason = e switch
            {
                SqliteException { SqliteErrorCode: 13 } or PostgresException { SqlState: PostgresErrorCodes.DiskFull } => "database is full",
                SqliteException { SqliteErrorCode: 8 } or PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } => "database is read-only",
                SqliteException { SqliteErrorCode: 5 or 6 } => "database is locked",
                SqliteException { SqliteErrorCode: 10 or 14 } => "database I/O error",
                _ => null,
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }
}
