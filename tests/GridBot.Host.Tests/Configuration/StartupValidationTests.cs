using GridBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Tests.Configuration;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("--Tickets:NumberPrefix=gd-1", "Tickets:NumberPrefix")]
    [InlineData("--Api:Tokens:0=short", "Api:Tokens:0")]
    [InlineData("--WorkingCalendar:TimeZone=Mars/Olympus_Mons", "WorkingCalendar:TimeZone")]
    [InlineData("--Tickets:TaxonomyPath=/nowhere/taxonomy.json", "Tickets:TaxonomyPath")]
    [InlineData("--BotFramework:AllowedServiceUrls:0=ftp://x", "BotFramework:AllowedServiceUrls:0")]
    [InlineData("--Classifier:ModelPath=/nowhere/model.zip", "Classifier:ModelPath")]
    public async Task AnInvalidSettingStopsTheStartNamingTheKey(string setting, string key)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GridBotTestHost.StartAsync(TestTimeout.Token, setting));

        Assert.Contains(key, error.Message);
    }
}
