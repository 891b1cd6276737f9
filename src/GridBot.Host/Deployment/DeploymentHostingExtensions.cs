using GridBot.Store.Configuration;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Deployment;

/// <summary>The start-up safety checks of a deployment: a safe combination for several hosts, one host per SQLite file.</summary>
public static class DeploymentHostingExtensions
{
    public static IHostApplicationBuilder AddGridBotDeploymentChecks(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<DeploymentOptions>()
            .Configure(o =>
            {
                o.Mode = configuration.GetValue($"{DeploymentOptions.SectionName}:{nameof(DeploymentOptions.Mode)}", DeploymentMode.Single);
                o.Provider = StoreSettings.ProviderOf(configuration);
                o.RedisConfiguration = StoreSettings.RedisConfigurationOf(configuration);
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DeploymentOptions>, DeploymentOptionsValidator>();
        // First of all hosted services (before the migrator): a second host on the same file stops before touching it.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SqliteHostLock>());
        return builder;
    }
}
