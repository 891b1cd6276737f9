using GridBot.Host.Deployment;
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

    /// <summary>Settings the composition once read raw (and a bad one went unnoticed or failed with a stack trace): each
    /// now refuses the start with the operator's one line naming the key.</summary>
    [Theory]
    [InlineData("--Redis:KeyPrefix=", "Redis:KeyPrefix")]
    [InlineData("--Redis:KeyPrefix=two words", "Redis:KeyPrefix")]
    [InlineData("--Schedules:ChaseInterval=00:00:01", "Schedules:ChaseInterval")]
    [InlineData("--Schedules:ChaseInterval=soon", "Schedules:ChaseInterval")]
    [InlineData("--WeCom:AiBot:Mode=7", "WeCom:AiBot:Mode")]
    [InlineData("--WeCom:AiBot:Mode=Websocket", "WeCom:AiBot:Mode")]
    public async Task AnInvalidCompositionSettingStopsTheStartWithOneLineNamingTheKey(string setting, string key)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GridBotTestHost.StartAsync(TestTimeout.Token, setting));

        Assert.Contains(key, StartupFailure.Describe(error));
    }
}
