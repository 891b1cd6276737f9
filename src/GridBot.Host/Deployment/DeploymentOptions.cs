using GridBot.Store.Configuration;

namespace GridBot.Host.Deployment;

/// <summary>
/// How many hosts share this bot's state, and the two settings that decide whether they safely can
/// (read from <c>Database:Provider</c> and <c>Redis:Configuration</c>, checked together at start).
/// </summary>
public sealed class DeploymentOptions
{
    public const string SectionName = "Deployment";

    public DeploymentMode Mode { get; set; } = DeploymentMode.Single;

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? RedisConfiguration { get; set; }
}
