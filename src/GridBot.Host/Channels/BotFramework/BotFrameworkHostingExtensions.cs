using GridBot.Host.Configuration;
using GridBot.Host.Outbox;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.BotFramework;

/// <summary>Composition of the Bot Framework channel: options, token checks in, tokens out, references, sender.</summary>
internal static class BotFrameworkHostingExtensions
{
    public static IHostApplicationBuilder AddBotFramework(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<BotFrameworkOptions, BotFrameworkOptionsValidator>(builder.Configuration, BotFrameworkOptions.SectionName);
        services.AddHttpClient(BotFrameworkSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(BotFrameworkAuthenticator.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<BotFrameworkTokens>();
        services.AddSingleton<ConversationReferences>();
        services.AddSingleton<IChannelSender, BotFrameworkSender>();
        services.AddHostedService<BotFrameworkStartupNotice>();
        return builder;
    }
}

/// <summary>Says at start whether /api/messages checks Bot Framework's tokens or only takes loopback callers.</summary>
internal sealed partial class BotFrameworkStartupNotice(IOptions<BotFrameworkOptions> options, ILogger<BotFrameworkStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AuthenticationEnabled)
        {
            LogAuthenticated(logger, options.Value.MicrosoftAppId);
        }
        else
        {
            LogUnauthenticated(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Framework: /api/messages requires tokens signed by Bot Framework for app id {AppId}")]
    private static partial void LogAuthenticated(ILogger logger, string appId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework authentication is off (no BotFramework:MicrosoftAppId): /api/messages takes loopback callers only (the Emulator's no-auth mode); the demo chat page has its own endpoint")]
    private static partial void LogUnauthenticated(ILogger logger);
}
