using GridBot.Dialogs.Digests;
using GridBot.Host.Channels.BotFramework;
using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WebChat;
using GridBot.Host.Configuration;
using GridBot.Host.Demo;
using GridBot.Host.Deployment;
using GridBot.Host.Digests;
using GridBot.Host.Endpoints;
using GridBot.Host.Import;
using GridBot.Host.Open311;
using GridBot.Host.Outbox;
using GridBot.Host.Schedules;
using GridBot.Host.StaffConsole;
using GridBot.Host.Telemetry;
using Microsoft.Extensions.Options;

namespace GridBot.Host;

public static class HostHostingExtensions
{
    public static IHostApplicationBuilder AddGridBotHost(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddValidatedOptions<ApiOptions, ApiOptionsValidator>(configuration, ApiOptions.SectionName);
        services.AddValidatedOptions<DemoOptions>(configuration, DemoOptions.SectionName).ValidateDataAnnotations();
        services.AddScoped<DemoHistoryWriter>();
        services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.SectionName).ValidateDataAnnotations();
        services.ConfigureHttpJsonOptions(o => Endpoints.ApiJson.Configure(o.SerializerOptions));

        services.AddScoped<GridDataImporter>();
        services.AddHostedService<DemoDataSeeder>();

        builder.AddBotFramework();
        services.AddSingleton<IChannelSender, WebChatSender>();
        services.AddSingleton<OutboxRecorder>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddProblemDetails();
        services.AddExceptionHandler<Storage.StorageUnavailableHandler>();
        builder.AddGridBotSchedules();
        builder.AddGridBotDeploymentChecks();
        builder.AddWeCom();
        builder.AddWeComLongConnection();
        builder.AddStaffConsole();
        services.AddValidatedOptions<DigestChartOptions, DigestChartOptionsValidator>(configuration, DigestChartOptions.SectionName);
        services.AddSingleton<IDigestChart, ScottPlotDigestChart>();
        services.AddValidatedOptions<Open311Options, Open311OptionsValidator>(configuration, Open311Options.SectionName);
        services.AddScoped<Open311Requests>();
        services.AddSingleton<IChannelSender, Open311Sender>();
        builder.AddGridBotTelemetry();
        return builder;
    }

    public static WebApplication MapGridBotEndpoints(this WebApplication app)
    {
        app.MapChatPageEndpoints();
        app.MapBotFrameworkEndpoints();
        app.MapWebChatEndpoints();
        app.MapTicketApiEndpoints();
        app.MapHealthEndpoints();
        app.MapDigestEndpoints();
        app.MapAnnouncementEndpoints();
        app.MapWeComEndpoints();
        app.MapStaffConsole();
        app.MapOpen311Endpoints();
        return app;
    }
}
