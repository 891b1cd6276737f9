using GridBot.Host.Channels.WeCom.AiBot;
using GridBot.Host.Channels.WeCom.Crypto;
using GridBot.Host.Endpoints;
using GridBot.Host.Outbox;
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
        services.AddOptions<WeComOptions>().Bind(builder.Configuration.GetSection(WeComOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeComOptions>, WeComOptionsValidator>();

        if (string.IsNullOrWhiteSpace(builder.Configuration["Redis:Configuration"]))
        {
            services.TryAddSingleton<IReplayGuard, InProcessReplayGuard>();
        }
        else
        {
            services.TryAddSingleton<IReplayGuard, RedisReplayGuard>();
        }

        services.AddSingleton<WeComCallbackGate>();
        services.AddKeyedSingleton(WeComChannels.AiBot, (provider, _) =>
        {
            var bot = provider.GetRequiredService<IOptions<WeComOptions>>().Value.AiBot;

            // 企业内部智能机器人 callbacks carry an empty receiveid (WECOM.md §1.6).
            return new WeComCrypto(bot.Token, bot.EncodingAesKey, receiveId: "");
        });
        services.AddSingleton<AiBotCallbackHandler>();

        services.AddHttpClient(WeComHttp.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IChannelSender, AiBotResponseSender>();
        return builder;
    }

    public static WebApplication MapWeComEndpoints(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WeComOptions>>().Value;
        if (options.AiBot.IsConfigured)
        {
            app.MapWeComAiBotEndpoints();
        }

        return app;
    }
}
