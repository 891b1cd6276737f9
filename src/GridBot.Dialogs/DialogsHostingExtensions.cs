using GridBot.Dialogs.Announcements;
using GridBot.Dialogs.Appeals;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Identity;
using GridBot.Dialogs.Inbox;
using GridBot.Dialogs.Pipeline;
using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.StaffConsole;
using GridBot.Dialogs.Telemetry;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Tickets.Classification;
using GridBot.Dialogs.Tickets.FollowUps;
using GridBot.Dialogs.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs;

public static class DialogsHostingExtensions
{
    public static IHostApplicationBuilder AddGridBotDialogs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddWorkingCalendar(builder.Configuration);
        services.AddValidatedOptions<TicketOptions, TicketOptionsValidator>(builder.Configuration, TicketOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton<TaxonomyProvider>();
        services.AddSingleton<KeywordTicketUnderstander>();
        AddUnderstanding(services, builder.Configuration);
        services.AddSingleton<ShanghaiTime>();
        services.AddSingleton<BotAdapter>();
        services.AddValidatedOptions<ConsoleLinkOptions, ConsoleLinkOptionsValidator>(builder.Configuration, ConsoleLinkOptions.SectionName);
        services.AddScoped<ConsoleLinkIssuer>();
        services.AddMetrics();
        services.AddSingleton<GridBotTelemetry>();

        services.AddValidatedOptions<SlowTurnOptions>(builder.Configuration, SlowTurnOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton<TurnInbox>();
        services.AddHostedService<TurnInboxReplayer>();
        AddPipeline(services);
        AddRoutes(services);
        AddTickets(services);
        AddCommands(services);
        services.AddAnnouncements(builder.Configuration);
        services.AddFollowUps(builder.Configuration);
        services.AddAppeals();
        return builder;
    }

    private static void AddUnderstanding(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ClassifierOptions, ClassifierOptionsValidator>(configuration, ClassifierOptions.SectionName);
        if (!configuration.GetValue(ClassifierOptions.SectionName + ":Enabled", true))
        {
            services.AddSingleton<ITicketUnderstander>(sp => sp.GetRequiredService<KeywordTicketUnderstander>());
            return;
        }

        services.AddSingleton<TicketClassifierProvider>();
        services.AddHostedService<ClassifierWarmup>();
        services.AddSingleton<ITicketUnderstander, ClassifierTicketUnderstander>();
    }

    private static void AddPipeline(IServiceCollection services)
    {
        // The order is written in TurnPipeline's constructor; here only the steps are supplied.
        services.AddScoped<TurnLockMiddleware>();
        services.AddScoped<TurnTransactionMiddleware>();
        services.AddScoped<DedupMiddleware>();
        services.AddScoped<SlowTurnHookMiddleware>();
        services.AddScoped<ErrorBoundaryMiddleware>();
        services.AddScoped<ChannelGateMiddleware>();
        services.AddScoped<IdentityMiddleware>();
        services.AddScoped<DialogStateMiddleware>();
        services.AddScoped<RouterMiddleware>();
        services.AddScoped<TurnPipeline>();
        services.AddScoped<IdentityResolver>();
        services.AddScoped<ProactiveMessenger>();
    }

    private static void AddRoutes(IServiceCollection services)
    {
        services.AddScoped<CommandRoute>();
        services.AddScoped<ActiveDialogRoute>();
        services.AddScoped<ReportRoute>();
        services.AddScoped<DialogRunner>();
        services.AddSingleton(new RouteTable()
            .Add<CommandRoute>("command", c => c.Activity.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(c.Activity.Text))
            .Add<ActiveDialogRoute>("dialog", c => c.Activity.Type == ActivityTypes.Message && c.Dialogs.Active is not null)
            // Before reports: 收到 to an announcement is a 回执, never a ticket (in a group, or on 微信客服 for customer groups).
            .Add<AckRoute>("ack", c => c.Activity.Type == ActivityTypes.Message && (c.Identity.IsGroup || c.Identity.Channel == Store.Kf.KfSession.Channel))
            // Before reports: "我上次报的井盖修了没有" is about an own ticket, not a new one.
            .Add<FollowUpRoute>("follow-up", c => c.Activity.Type == ActivityTypes.Message)
            .Add<ReportRoute>("report", c => c.Activity.Type == ActivityTypes.Message));
    }

    private static void AddTickets(IServiceCollection services)
    {
        services.AddScoped<TicketService>();
        services.AddScoped<TicketIntake>();
        services.AddScoped<IntakeFlow>();
        services.AddSingleton<ReportSplitter>();
        services.AddScoped<TicketFinder>();
        services.AddScoped<TicketNotifier>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<GridLeaders>();
        services.AddScoped<IDialog, IntakeDialog>();
    }

    private static void AddCommands(IServiceCollection services)
    {
        services.AddScoped<TicketCommandSupport>();
        services.AddScoped<CommandParser>();
        services.AddScoped<ICommand, HelpCommand>();
        services.AddScoped<ICommand, StatusCommand>();
        services.AddScoped<ICommand, MineCommand>();
        services.AddScoped<ICommand, RateCommand>();
        services.AddScoped<ICommand, TicketsCommand>();
        services.AddScoped<ICommand, ShowCommand>();
        services.AddScoped<ICommand, AcceptCommand>();
        services.AddScoped<ICommand, AssignCommand>();
        services.AddScoped<ICommand, StartCommand>();
        services.AddScoped<ICommand, CloseCommand>();
        services.AddScoped<ICommand, RejectCommand>();
        services.AddScoped<ICommand, EscalateCommand>();
        services.AddScoped<ICommand, StatsCommand>();
        services.AddScoped<ICommand, RecategorizeCommand>();
        services.AddScoped<ICommand, SplitCommand>();
        services.AddScoped<ICommand, RemindCommand>();
        services.AddScoped<ICommand, DispatchOrderCommand>();
        services.AddScoped<ICommand, ConsoleCommand>();
    }
}
