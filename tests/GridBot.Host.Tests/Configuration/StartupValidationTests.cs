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
    [InlineData("--Telemetry:Exporter=Prometheus", "Telemetry:Exporter")]
    [InlineData("--Telemetry:Exporter=7", "Telemetry:Exporter")]
    public async Task AnInvalidCompositionSettingStopsTheStartWithOneLineNamingTheKey(string setting, string key)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GridBotTestHost.StartAsync(TestTimeout.Token, setting));

        Assert.Contains(key, StartupFailure.Describe(error));
    }

    /// <summary>An OTLP exporter with no collector, or one not on http(s), is refused before any exporter is wired.</summary>
    [Theory]
    [InlineData("--Telemetry:OtlpEndpoint=")]
    [InlineData("--Telemetry:OtlpEndpoint=ftp://127.0.0.1:4317")]
    [InlineData("--Telemetry:OtlpEndpoint=/relative/path")]
    public async Task AnOtlpExporterWithoutAnHttpCollectorStopsTheStart(string endpoint)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GridBotTestHost.StartAsync(TestTimeout.Token, "--Telemetry:Exporter=Otlp", endpoint));

        Assert.Contains("Telemetry:OtlpEndpoint", StartupFailure.Describe(error));
    }

    /// <summary>
    /// The demo's month of history runs the schedules on their configured times: it reads them through the validated
    /// options too, so a bad schedule value stops the demo's start naming the key instead of writing a month from it.
    /// </summary>
    [Theory]
    [InlineData("--Schedules:RemindAtShare=5", "Schedules:RemindAtShare")]
    [InlineData("--Schedules:EscalateAfterWorkingHours=-1", "Schedules:EscalateAfterWorkingHours")]
    [InlineData("--Schedules:MissedFireGrace=1.00:00:00", "Schedules:MissedFireGrace")]
    [InlineData("--Schedules:MaxMessageBytes=100", "Schedules:MaxMessageBytes")]
    [InlineData("--Schedules:HuddleTime=25:00", "Schedules:HuddleTime")]
    public async Task ABadScheduleSettingStopsTheDemoHistoryNamingTheKey(string setting, string key)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GridBotTestHost.StartAsync(TestTimeout.Token, "--Demo:History=true", setting));

        Assert.Contains(key, StartupFailure.Describe(error));
    }
}
