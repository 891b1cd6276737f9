using GridBot.Dialogs.Dialogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.FollowUps;

public static class FollowUpsServiceCollectionExtensions
{
    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<FollowUpOptions, FollowUpOptionsValidator>(configuration, FollowUpOptions.SectionName);
        services.AddScoped<OwnTickets>();
        services.AddScoped<FollowUpActions>();
        services.AddScoped<FollowUpRoute>();
        services.AddScoped<IDialog, PickTicketDialog>();
        services.AddScoped<IDialog, UrgeConfirmDialog>();
        services.AddScoped<IDialog, WithdrawConfirmDialog>();
        services.AddScoped<IDialog, CorrectionFieldDialog>();
        return services;
    }
}
