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
}
