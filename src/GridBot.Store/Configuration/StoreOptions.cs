using System.ComponentModel.DataAnnotations;

namespace GridBot.Store.Configuration;

/// <summary>Where state lives: the relational store and, optionally, Redis for what several hosts share.</summary>
public sealed class StoreOptions
{
    /// <summary>The migrations assembly of the PostgreSQL schema (the SQLite migrations live in this assembly).</summary>
    public const string PostgreSqlMigrationsAssembly = "GridBot.Store.PostgreSql";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(ErrorMessage = "ConnectionStrings:GridBot is required (e.g. \"Data Source=data/gridbot.db\").")]
    public string ConnectionString { get; set; } = "";

    /// <summary>StackExchange.Redis configuration string; empty means in-process equivalents (one host).</summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>Prefix of every Redis key, so several deployments can share one server.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9:_-]{1,32}$", ErrorMessage = "Redis:KeyPrefix must be 1-32 letters, digits, ':', '_' or '-'.")]
    public string RedisKeyPrefix { get; set; } = "gridbot:";
}
