using GridBot.Host.Channels.WeCom.AiBot;
using GridBot.Host.Channels.WeCom.AiBot.LongConnection;
using GridBot.Host.Channels.WeCom.App;
using GridBot.Host.Channels.WeCom.Crypto;
using GridBot.Host.Channels.WeCom.CustomerGroups;
using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.KfSessions;
using GridBot.Host.Channels.WeCom.Kf;
using GridBot.Host.Channels.WeCom.Webhook;
using GridBot.Host.Endpoints;
using GridBot.Host.Outbox;
using GridBot.Store.Configuration;
using GridBot.Store.Coordination;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom;

/// <summary>The WeCom channel: callbacks in, response_url / webhook / app messages out. Unconfigured parts stay unmapped.</summary>
public static class WeComHostingExtensions
{
    public static IHostApplicationBuilder AddWeCom(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<WeComOptions, WeComOptionsValidator>(builder.Configuration, WeComOptions.SectionName);

        if (!StoreSettings.UsesRedis(builder.Configuration))
        {
            services.TryAddSingleton<IReplayGuard, InProcessReplayGuard>();
            services.TryAddSingleton<IRobotRateLimiter, InProcessRobotRateLimiter>();
            services.TryAddSingleton<IAccessTokenCache, InProcessAccessTokenCache>();
        }
        else
        {
            services.TryAddSingleton<IReplayGuard, RedisReplayGuard>();
            services.TryAddSingleton<IRobotRateLimiter, RedisRobotRateLimiter>();
            services.TryAddSingleton<IAccessTokenCache, RedisAccessTokenCache>();
        }

        services.AddSingleton<WeComCallbackGate>();
        services.AddKeyedSingleton(WeComChannels.AiBot, (provider, _) =>
        {
            var bot = provider.GetRequiredService<IOptions<WeComOptions>>().Value.AiBot;

            // 企业内部智能机器人 callbacks carry an empty receiveid (WECOM.md §1.6).
            return new WeComCrypto(bot.Token, bot.EncodingAesKey, receiveId: "");
        });
        services.AddSingleton<AiBotCallbackHandler>();
        // Its push serves WeComSender on every host; the connection itself runs only where AddWeComLongConnection says.
        services.AddSingleton<AiBotConnectionStatus>();
        services.AddSingleton<AiBotPush>();

        // No HttpClient logging on WeCom clients: their URLs carry robot keys and app secrets.
        services.AddHttpClient(WeComHttp.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddSingleton<IChannelSender, AiBotResponseSender>();
        services.AddSingleton<WeComAccessTokens>();
        services.AddSingleton<WeComAppClient>();
        services.AddSingleton<WeComApi>();
        services.AddKeyedSingleton(WeComChannels.App, (provider, _) =>
        {
            var settings = provider.GetRequiredService<IOptions<WeComOptions>>().Value;
            return new WeComCrypto(settings.App.Token, settings.App.EncodingAesKey, receiveId: settings.CorpId);
        });
        services.AddSingleton<AppCallbackHandler>();
        AddWebhookSender(services);
        AddKf(builder);
        AddCustomerGroups(builder);
        return builder;
    }

    /// <summary>
    /// The AI bot's long connection: only the web host registers it (a CLI verb that adds WeCom must not dial out and
    /// compete for the lease), and it runs only in LongConnection mode, which the service reads from the validated
    /// options. The lease lives in Redis when configured, else in the database.
    /// </summary>
    public static IHostApplicationBuilder AddWeComLongConnection(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!StoreSettings.UsesRedis(builder.Configuration))
        {
            services.AddSingleton<IAiBotLease, DatabaseAiBotLease>();
        }
        else
        {
            services.AddSingleton<IAiBotLease, RedisAiBotLease>();
        }

        services.AddSingleton<AiBotFrameHandler>();
        services.AddSingleton<AiBotSession>();
        services.AddHostedService<AiBotLongConnectionService>();
        return builder;
    }

    private static void AddWebhookSender(IServiceCollection services)
    {
        services.AddTransient<WebhookRateLimitHandler>();
        // One attempt per send, bounded in time (the timeout covers the wait for a permit too). A failed attempt goes
        // back to the outbox, which retries it after its backoff (OutboxBackoff) without holding a send slot meanwhile.
        services.AddHttpClient(WeComWebhookClient.HttpClientName,
                (provider, client) => client.Timeout = provider.GetRequiredService<IOptions<WeComOptions>>().Value.Webhook.AttemptTimeout)
            .RemoveAllLoggers()
            .AddHttpMessageHandler<WebhookRateLimitHandler>();
        services.AddSingleton<WeComWebhookClient>();
        services.AddSingleton<DeadRobotNotifier>();
        services.AddSingleton<IChannelSender, WeComSender>();
    }

    /// <summary>微信客服 rides on the self-built app: its callbacks arrive on the app's URL and its calls use the app's token.</summary>
    private static void AddKf(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<KfOptions, KfOptionsValidator>(builder.Configuration, KfOptions.SectionName);
        services.AddScoped<KfContactLinks>();
        services.AddSingleton<KfApiClient>();
        services.AddSingleton<KfSyncQueue>();
        services.AddSingleton<KfSessionControl>();
        services.AddSingleton<IKfSessionControl>(sp => sp.GetRequiredService<KfSessionControl>());
        services.AddSingleton<KfHandOver>();
        // 接管 / 交还 live with the commands but need the kf API, so they are registered where it is.
        services.AddScoped<KfSessionFinder>();
        services.AddScoped<ICommand, TakeOverCommand>();
        services.AddScoped<ICommand, HandBackCommand>();
        services.AddScoped<IChannelGate, KfTurnGate>();
        services.AddSingleton<KfMessageHandler>();
        services.AddSingleton<KfSynchronizer>();
        services.AddHostedService<KfSyncWorker>();
        services.AddSingleton<IChannelSender, KfSender>();
    }

    private static void AddCustomerGroups(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<CustomerGroupOptions, CustomerGroupOptionsValidator>(builder.Configuration, CustomerGroupOptions.SectionName);
        services.AddSingleton<CustomerGroupClient>();
        services.AddScoped<CustomerGroupSync>();
        services.AddSingleton<IChannelSender, CustomerGroupSender>();
        services.AddScoped<GroupMessageFollower>();
    }

    public static WebApplication MapWeComEndpoints(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WeComOptions>>().Value;
        if (options.AiBot.IsConfigured)
        {
            app.MapWeComAiBotEndpoints();
        }

        if (options.App.IsConfigured)
        {
            app.MapWeComAppEndpoints();
            app.MapKfEndpoints();
        }

        return app;
    }
}
