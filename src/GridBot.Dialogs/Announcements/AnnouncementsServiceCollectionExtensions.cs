using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Dialogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Announcements;

public static class AnnouncementsServiceCollectionExtensions
{
    public static IServiceCollection AddAnnouncements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AnnouncementOptions, AnnouncementOptionsValidator>(configuration, AnnouncementOptions.SectionName);
        services.AddScoped<AnnouncementReachFinder>();
        services.AddScoped<AnnouncementPublisher>();
        services.AddScoped<AnnouncementFanOut>();
        services.AddSingleton<AnnouncementFanOutWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<AnnouncementFanOutWorker>());
        services.AddScoped<AnnouncementWithdrawal>();
        services.AddScoped<CustomerGroupDeliveries>();
        services.AddScoped<AnnouncementReceipts>();
        services.AddScoped<PolicySearch>();
        services.AddScoped<AckReminderService>();
        services.AddScoped<AckRoute>();
        services.AddScoped<IDialog, AnnouncementConfirmDialog>();
        services.AddScoped<ReceiptsCommand>();
        services.AddScoped<ICommand>(sp => sp.GetRequiredService<ReceiptsCommand>());
        services.AddScoped<ICommand, AnnounceCommand>();
        services.AddScoped<ICommand, WithdrawCommand>();
        services.AddScoped<ICommand, PolicyCommand>();
        return services;
    }
}
