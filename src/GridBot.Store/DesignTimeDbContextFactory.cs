using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GridBot.Store;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GridBotDbContext>
{
    public GridBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GridBotDbContext>().UseSqlite("Data Source=design.db").Options);
}
