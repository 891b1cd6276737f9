using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GridBot.Store.Configuration;

/// <summary>A bad connection string stops the start with the key's name, not a stack trace at the first message.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:GridBot is empty; set it to e.g. \"Data Source=data/gridbot.db\".");
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
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
}
