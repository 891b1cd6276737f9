using Microsoft.Extensions.Configuration;

namespace GridBot.Store.Configuration;

/// <summary>
/// The one reader of the two settings that choose implementations while the services are still being registered
/// (before any options object exists): the database provider and the Redis connection. <see cref="StoreOptions"/>,
/// <see cref="RedisOptions"/> and the deployment check read the same keys, and every composition that picks Redis or its in-process twin,
/// SQLite or PostgreSQL, asks here.
/// </summary>
public static class StoreSettings
{
    public static DatabaseProvider ProviderOf(IConfiguration configuration) => configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);

    public static string? RedisConfigurationOf(IConfiguration configuration) => configuration["Redis:Configuration"];

    /// <summary>Redis is configured: the shared implementation of each seam, else the in-process one.</summary>
    public static bool UsesRedis(IConfiguration configuration) => !string.IsNullOrWhiteSpace(RedisConfigurationOf(configuration));
}
