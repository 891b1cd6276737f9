using GridBot.Store.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GridBot.Store.PostgreSql;

/// <summary>
/// Lets `dotnet ef migrations add` build the PostgreSQL model without a server (adding a migration never connects).
/// </summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<GridBotDbContext>
{
    public GridBotDbContext CreateDbContext(string[] args)
    {
        var store = new StoreOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=localhost;Database=gridbot_design" };
        var options = new DbContextOptionsBuilder<GridBotDbContext>();
        StoreHostingExtensions.UseProvider(options, store);
        return new(options.Options);
    }
}
