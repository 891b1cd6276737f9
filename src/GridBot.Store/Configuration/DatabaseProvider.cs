namespace GridBot.Store.Configuration;

/// <summary><c>Database:Provider</c>: SQLite is the embedded default (one host); PostgreSQL lets several hosts share the store.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
