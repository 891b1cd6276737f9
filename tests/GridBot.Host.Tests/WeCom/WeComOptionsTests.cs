using GridBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Tests.WeCom;

public sealed class WeComOptionsTests
{
    [Fact]
    public async Task AnEncodingAesKeyThatIsNot43CharactersStopsTheStartNamingTheKey()
    {
        var ct = TestTimeout.Token;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAndStopAsync(ct, "--WeCom:AiBot:Token=abc", "--WeCom:AiBot:EncodingAesKey=tooShort"));

        Assert.Contains("WeCom:AiBot:EncodingAesKey must be exactly 43 characters (got 8)", error.Message);
        Assert.DoesNotContain("tooShort", error.Message);
    }

    [Fact]
    public async Task AnAppWithoutCorpIdOrSecretStopsTheStartNamingEachKey()
    {
        var ct = TestTimeout.Token;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAndStopAsync(ct, "--WeCom:App:Token=abc", $"--WeCom:App:EncodingAesKey={WeComSimulator.Key}", "--WeCom:App:AgentId=1000002"));

        Assert.Contains("WeCom:CorpId", error.Message);
        Assert.Contains("WeCom:App:Secret", error.Message);
    }

    private static async Task StartAndStopAsync(CancellationToken cancellationToken, params string[] settings)
    {
        await using var host = await GridBotTestHost.StartAsync(cancellationToken, settings);
    }
}
