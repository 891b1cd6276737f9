using System.ComponentModel.DataAnnotations;

namespace GridBot.Store.Configuration;

/// <summary>Where state lives: the relational store (Redis, for what several hosts share: <see cref="RedisOptions"/>).</summary>
public sealed class StoreOptions
{
    /// <summary>The migrations assembly of the PostgreSQL schema (the SQLite migrations live in this assembly).</summary>
    public const string PostgreSqlMigrationsAssembly = "GridBot.Store.PostgreSql";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(ErrorMessage = "ConnectionStrings:GridBot is required (e.g. \"Data Source=data/gridbot.db\").")]
    public string ConnectionString { get; set; } = "";
}
