using GridBot.Store;
using GridBot.Store.Configuration;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridBot.Host.Tests.Infrastructure;

/// <summary>The PostgreSQL server test.sh starts on 127.0.0.1. Tests that need it fail without it: they never skip.</summary>
public static class TestPostgres
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("GRIDBOT_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("GRIDBOT_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL on 127.0.0.1.");

    /// <summary>A database of its own for one test (dropped with <see cref="DropDatabaseAsync"/>), as a connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "gridbot_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = false }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The bot's DbContext on that database, for reading what the hosts wrote.</summary>
    public static GridBotDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<GridBotDbContext>();
        StoreHostingExtensions.UseProvider(options, new StoreOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString });
        return new GridBotDbContext(options.Options);
    }
}
