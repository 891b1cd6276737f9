using System.Text.Json;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.Channels;

public sealed class WebChatEndpointTests
{
    [Fact]
    public async Task SetupListsEveryStaffRoleThatCoversAChat()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        using var setup = JsonDocument.Parse(await host.Http.GetStringAsync("/api/webchat/setup", ct));

        var people = setup.RootElement.GetProperty("people");
        var grid = people.GetProperty("demo-c01-g01").EnumerateArray().Select(p => p.GetProperty("role").GetString()).ToList();
        var community = people.GetProperty("demo-c01-staff").EnumerateArray().Select(p => p.GetProperty("role").GetString()).ToList();
        Assert.Contains("Leader", grid);
        Assert.Contains("Worker", grid);
        Assert.Contains("CommunityStaff", grid);
        Assert.Contains("StreetStaff", grid);
        Assert.Contains("CommunityStaff", community);
        Assert.DoesNotContain("Leader", community);
    }

    [Fact]
    public async Task TheChatPageIsServedAtTheRoot()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var response = await host.Http.GetAsync("/", ct);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/webchat/messages", await response.Content.ReadAsStringAsync(ct));
    }
}
