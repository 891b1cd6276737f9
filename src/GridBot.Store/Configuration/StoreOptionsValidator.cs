using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GridBot.Store.Configuration;

/// <summary>A bad connection string stops the start with the key's name, not a stack trace at the first message.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("Database:Provider must be Sqlite or PostgreSql.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(options.Provider == DatabaseProvider.Sqlite
                ? "ConnectionStrings:GridBot is empty; set it to e.g. \"Data Source=data/gridbot.db\"."
                : "ConnectionStrings:GridBot is empty; set it to e.g. \"Host=db;Database=gridbot;Username=gridbot;Password=…\".");
        }

        return options.Provider == DatabaseProvider.Sqlite ? ValidateSqlite(options.ConnectionString) : ValidatePostgreSql(options.ConnectionString);
    }

    private static ValidateOptionsResult ValidateSqlite(string connectionString)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource))
            {
                return ValidateOptionsResult.Fail("ConnectionStrings:GridBot has no Data Source.");
            }
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:GridBot is not a valid SQLite connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidatePostgreSql(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
            {
                return ValidateOptionsResult.Fail("ConnectionStrings:GridBot needs Host and Database for Database:Provider=PostgreSql.");
            }
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:GridBot is not a valid PostgreSQL connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
