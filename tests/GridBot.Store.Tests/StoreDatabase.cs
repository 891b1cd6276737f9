using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Tests;

/// <summary>A real SQLite file with the store's schema, one per test, deleted afterwards.</summary>
internal sealed class StoreDatabase : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gridbot-store-{Guid.NewGuid():N}.db");

    private StoreDatabase()
    {
    }

    public static async Task<StoreDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var database = new StoreDatabase();
        await using var db = database.Open();
        await db.Database.EnsureCreatedAsync(cancellationToken);
        return database;
    }

    /// <summary>A fresh context, so what a test reads back comes from the file and not from tracked objects.</summary>
    public GridBotDbContext Open() =>
        new(new DbContextOptionsBuilder<GridBotDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options);

    public ValueTask DisposeAsync()
    {
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
