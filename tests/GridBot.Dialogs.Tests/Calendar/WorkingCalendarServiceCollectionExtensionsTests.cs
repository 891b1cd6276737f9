using GridBot.Dialogs.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tests.Calendar;

public sealed class WorkingCalendarServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddWorkingCalendar(configuration).BuildServiceProvider();
    }

    [Fact]
    public void HoursAndFolderBindFromConfigurationAndTheCalendarIsASingleton()
    {
        using var folder = new TempFolder();
        folder.Write("2027.json", """{ "year": 2027, "days": [] }""");
        using var provider = Build(new()
        {
            ["WorkingCalendar:MorningStart"] = "09:00",
            ["WorkingCalendar:HolidayDataFolder"] = folder.Path,
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var calendar = provider.GetRequiredService<ChinaWorkingCalendar>();

        Assert.Same(calendar, provider.GetRequiredService<ChinaWorkingCalendar>());
        Assert.True(calendar.HasYear(2027));
        Assert.Equal(Shanghai.Utc("2026-03-02 10:00"), calendar.AddWorkingHours(Shanghai.Utc("2026-03-02 08:00"), 1));
    }

    [Fact]
    public void ABadTimeZoneFailsStartupValidationNamingTheKey()
    {
        using var provider = Build(new() { ["WorkingCalendar:TimeZone"] = "Asia/Atlantis" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("WorkingCalendar:TimeZone 'Asia/Atlantis'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATimeThatIsNotHoursAndMinutesFailsStartupNamingTheKey()
    {
        using var provider = Build(new() { ["WorkingCalendar:AfternoonEnd"] = "half past five" });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("WorkingCalendar:AfternoonEnd", error.Message, StringComparison.Ordinal);
    }
}
