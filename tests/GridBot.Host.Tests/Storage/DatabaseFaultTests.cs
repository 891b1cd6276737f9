using GridBot.Store;
using GridBot.Store.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Storage;

/// <summary>
/// issue #9 item 6 on a real SQLite file: a writer that finds the file locked waits (busy_timeout) instead of failing,
/// and a full or read-only database is recognised by its reason, which turns the request into a 503 the sender retries.
/// </summary>
public sealed class DatabaseFaultTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gridbot-dbfault-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "gridbot.db")};Pooling=False";

    public async Task InitializeAsync()
    {
        await using var db = Open(ConnectionString);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AWriteThatMeetsAnotherWritersTransactionWaitsForItInsteadOfFailing()
    {
        var ct = Infrastructure.TestTimeout.Token;
        await using var other = new SqliteConnection(ConnectionString);
        await other.OpenAsync(ct);
        await using (var hold = other.CreateCommand())
        {
            hold.CommandText = "BEGIN IMMEDIATE; INSERT INTO ProcessedActivities (Key, ProcessedUtc, RepliesJson) VALUES ('other-writer', '2026-01-01 00:00:00', '[]');";
            await hold.ExecuteNonQueryAsync(ct);
        }

        await using var db = Open(ConnectionString);
        db.ProcessedActivities.Add(new ProcessedActivity { Key = "resident-turn", ProcessedUtc = DateTime.UtcNow, RepliesJson = "[]" });
        // Microsoft.Data.Sqlite's async calls run synchronously: the waiting save gets a thread of its own.
        var save = Task.Run(() => db.SaveChangesAsync(ct), ct);
        // The second writer is still waiting on the lock the first holds (it would have failed at once without busy_timeout).
        await Task.Delay(300, ct);
        Assert.False(save.IsCompleted);
        await using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync(ct);
        }

        await save;
        Assert.Equal(2, await db.ProcessedActivities.CountAsync(ct));
    }

    [Fact]
    public async Task AFullDatabaseIsNamedFull()
    {
        var ct = Infrastructure.TestTimeout.Token;
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using (var cap = connection.CreateCommand())
        {
            // SQLite's own size cap (clamped to the current size): no page may be added, so a growing insert fails with SQLITE_FULL like a full disk.
            cap.CommandText = "PRAGMA max_page_count = 1;";
            await cap.ExecuteScalarAsync(ct);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ProcessedActivities (Key, ProcessedUtc, RepliesJson) VALUES ('x', '2026-01-01', zeroblob(100000));";
        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(ct));
        Assert.Equal("database is full", StoreErrors.StorageUnavailableReason(new DbUpdateException("save", error)));
    }

    [Fact]
    public async Task AReadOnlyDatabaseIsNamedReadOnlyAndABugIsNot()
    {
        var ct = Infrastructure.TestTimeout.Token;
        // Mode=ReadOnly is SQLite's own refusal to write, which works the same for root (chmod would not).
        await using var db = Open(ConnectionString + ";Mode=ReadOnly");
        db.ProcessedActivities.Add(new ProcessedActivity { Key = "resident-turn", ProcessedUtc = DateTime.UtcNow, RepliesJson = "[]" });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        Assert.Equal("database is read-only", StoreErrors.StorageUnavailableReason(error));
        Assert.Null(StoreErrors.StorageUnavailableReason(new InvalidOperationException("a bug")));
    }

    private static GridBotDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<GridBotDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor()).Options);
}
