using System.Text;
using GridBot.Host.Import;
using GridBot.Store;
using GridBot.Store.Turns;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GridBot.Host.Tests.Import;

/// <summary>A real, migrated SQLite file in a temp folder owned by one test, with the files that test imports.</summary>
internal sealed class ImportDatabase : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private ImportDatabase(string folder)
    {
        Folder = folder;
        ConnectionString = $"Data Source={Path.Combine(folder, "gridbot.db")}";
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    /// <summary>Bounds every await in the test: a hang fails the test instead of the run.</summary>
    public CancellationToken Token => _timeout.Token;

    public RecordingLogger<GridDataImporter> Log { get; } = new();

    /// <summary>The host's queue for SQLite's writer, as the importer meets it there.</summary>
    private WriterGate Gate { get; } = new(singleWriter: true);

    public static async Task<ImportDatabase> CreateAsync()
    {
        var database = new ImportDatabase(Directory.CreateTempSubdirectory("gridbot-import-").FullName);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync(database.Token);
        return database;
    }

    public GridBotDbContext NewContext() =>
        new(new DbContextOptionsBuilder<GridBotDbContext>().UseSqlite(ConnectionString).Options);

    public string Write(string fileName, string contents) => WriteBytes(fileName, Encoding.UTF8.GetBytes(contents));

    public string WriteBytes(string fileName, byte[] contents)
    {
        var path = Path.Combine(Folder, fileName);
        File.WriteAllBytes(path, contents);
        return path;
    }

    /// <summary>Imports through a fresh context, as a scoped service would.</summary>
    public async Task<ImportReport> ImportAsync(params string[] files)
    {
        await using var db = NewContext();
        return await new GridDataImporter(db, Gate, Log).ImportAsync(files, Token);
    }

    public async Task<(int Grids, int Chats, int Members)> CountAsync()
    {
        await using var db = NewContext();
        return (await db.Grids.CountAsync(Token), await db.Chats.CountAsync(Token), await db.Members.CountAsync(Token));
    }

    public async Task<Dictionary<string, string>> PathsAsync()
    {
        await using var db = NewContext();
        return await db.Grids.ToDictionaryAsync(g => g.Code, g => g.Path, Token);
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before the folder goes.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _timeout.Dispose();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
