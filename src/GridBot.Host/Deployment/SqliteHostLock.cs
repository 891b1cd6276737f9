using GridBot.Store.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Deployment;

/// <summary>
/// One web host per SQLite file: the host holds an exclusive lock on "&lt;database&gt;.host.lock" while it runs, and a
/// second host started on the same file refuses to start. The command-line verbs do not take it: an import beside the
/// running bot is SQLite's ordinary one-writer-at-a-time use. The lock is the operating system's (released when the
/// process dies, even by kill -9), so a stale file never blocks a restart.
/// </summary>
internal sealed partial class SqliteHostLock(IOptions<StoreOptions> store, ILogger<SqliteHostLock> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = store.Value;
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return Task.CompletedTask;
        }

        var dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        var path = Path.GetFullPath(dataSource) + ".host.lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new InvalidOperationException(
                $"Another GridBot host is already running on the SQLite database {Path.GetFullPath(dataSource)} (it holds {path}). " +
                "A SQLite file serves one host: stop the other host, give this one its own ConnectionStrings:GridBot, or run several hosts " +
                "with Deployment:Mode=Multi, Database:Provider=PostgreSql and Redis:Configuration (docs/DEPLOY.md).");
        }

        LogLocked(logger, path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "This host owns the SQLite database ({LockFile})")]
    private static partial void LogLocked(ILogger logger, string lockFile);
}
