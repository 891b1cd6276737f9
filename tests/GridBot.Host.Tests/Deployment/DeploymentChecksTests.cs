using GridBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Tests.Deployment;

/// <summary>Start-up refuses the combinations that would lose or duplicate work across hosts.</summary>
public sealed class DeploymentChecksTests
{
    [Fact]
    public async Task SeveralHostsOnSqliteWithoutRedisRefuseToStartNamingBothKeys()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GridBotTestHost.StartAsync(TestTimeout.Token, "--Deployment:Mode=Multi"));

        Assert.Contains("Deployment:Mode=Multi", error.Message, StringComparison.Ordinal);
        Assert.Contains("Database:Provider=PostgreSql", error.Message, StringComparison.Ordinal);
        Assert.Contains("Redis:Configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralHostsOnPostgreSqlWithoutRedisRefuseToStartNamingRedis()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GridBotTestHost.StartAsync(TestTimeout.Token,
            "--Deployment:Mode=Multi", "--Database:Provider=PostgreSql", "--ConnectionStrings:GridBot=Host=127.0.0.1;Port=1;Database=gridbot"));

        Assert.Contains("Redis:Configuration", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Database:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondHostOnTheSameSqliteFileRefusesToStartAndMayStartOnceTheFirstHasStopped()
    {
        var ct = TestTimeout.Token;
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = await GridBotTestHost.StartAsync(null, folder, ct))
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GridBotTestHost.StartAsync(null, folder, ct));
                Assert.Contains("Another GridBot host is already running", error.Message, StringComparison.Ordinal);
                Assert.Contains("Deployment:Mode=Multi", error.Message, StringComparison.Ordinal);
            }

            await using var again = await GridBotTestHost.StartAsync(null, folder, ct);
            Assert.True((await again.Http.GetAsync("/healthz", ct)).IsSuccessStatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
