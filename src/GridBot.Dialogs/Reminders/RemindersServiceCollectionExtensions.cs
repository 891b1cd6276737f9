using GridBot.Dialogs.Digests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Reminders;

/// <summary>The scheduled features (agendas, chasing) for whichever host runs the jobs.</summary>
public static class RemindersServiceCollectionExtensions
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ScheduleOptions, ScheduleOptionsValidator>(configuration, ScheduleOptions.SectionName);
        services.AddScoped<SchedulePlanner>();
        services.AddScoped<ScheduleNoticeLedger>();
        services.AddScoped<ScheduleSlotRunner>();
        services.AddScoped<DailyHuddleService>();
        services.AddScoped<DeadlineChaser>();
        services.AddScoped<WeeklyMeetingService>();
        services.AddScoped<DigestBuilder>();
        services.AddScoped<DigestSender>();
        return services;
    }
}
