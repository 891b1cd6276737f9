using GridBot.Store.Configuration;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Deployment;

/// <summary>
/// Several hosts need a database they can all write (PostgreSQL: SQLite is one host's file and Quartz cannot cluster
/// on it) and Redis for what they must share at once (dedup of channel message ids, robot rate limits, the WeCom
/// access token, locks). Anything less refuses to start, with one message naming every key involved.
/// </summary>
internal sealed class DeploymentOptionsValidator : IValidateOptions<DeploymentOptions>
{
    public ValidateOptionsResult Validate(string? name, DeploymentOptions options)
    {
        if (!Enum.IsDefined(options.Mode))
        {
            return ValidateOptionsResult.Fail("Deployment:Mode must be Single or Multi.");
        }

        if (options.Mode == DeploymentMode.Single)
        {
            return ValidateOptionsResult.Success;
        }

        var missing = new List<string>();
        if (options.Provider != DatabaseProvider.PostgreSql)
        {
            missing.Add($"Database:Provider=PostgreSql (it is {options.Provider}: a SQLite file serves one host and Quartz cannot cluster on it)");
        }

        if (string.IsNullOrWhiteSpace(options.RedisConfiguration))
        {
            missing.Add("Redis:Configuration (it is empty: hosts must share message-id dedup, robot rate limits, the WeCom access token and locks)");
        }

        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Deployment:Mode=Multi is unsafe without {string.Join(" and ", missing)}. Set them, or Deployment:Mode=Single for one host.");
    }
}
