using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Calendar;

/// <summary>Registers the working calendar for the Dialogs composition.</summary>
public static class WorkingCalendarServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="WorkingCalendarOptions"/> at start (a bad time zone, hour order,
    /// folder or folder file fails the boot) and registers <see cref="ChinaWorkingCalendar"/> as a singleton
    /// built from the embedded years plus the folder.
    /// </summary>
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<WorkingCalendarOptions>(configuration, WorkingCalendarOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkingCalendarOptions>, WorkingCalendarOptionsValidator>());
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<WorkingCalendarOptions>>().Value;
            return new ChinaWorkingCalendar(HolidayDataLoader.Load(options.HolidayDataFolder), options);
        });
        return services;
    }
}
