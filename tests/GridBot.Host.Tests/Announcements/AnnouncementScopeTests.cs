using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.Announcements;

/// <summary>A token scoped to a grid ("token@GRIDCODE") publishes, reads and withdraws only within that subtree.</summary>
public sealed class AnnouncementScopeTests
{
    private const string LeaderChenToken = "chen-g02-token-0123456789";

    [Fact]
    public async Task AGridLeadersTokenCannotPublishOutsideItsGridOrSeeAnotherGridsAnnouncement()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, $"--Api:Tokens:1={LeaderChenToken}@DEMO-S01-C01-G02");
        var other = await AnnouncementApi.PublishAsync(host, "第一网格停水", "周三停水。", ["DEMO-S01-C01-G01"], requireAck: false, ct);
        using var chen = new HttpClient { BaseAddress = host.Address };
        chen.DefaultRequestHeaders.Authorization = new("Bearer", LeaderChenToken);

        var outside = await chen.PostAsJsonAsync("/api/announcements", new { title = "越权", body = "全社区通知", targets = new[] { "DEMO-S01-C01" } }, ct);
        var own = await chen.PostAsJsonAsync("/api/announcements", new { title = "第二网格通知", body = "周四例会。", targets = new[] { "DEMO-S01-C01-G02" } }, ct);
        var list = await chen.GetFromJsonAsync<List<JsonElement>>("/api/announcements", ct);

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("DEMO-S01-C01", await outside.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(["第二网格通知"], list!.Select(a => a.GetProperty("title").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await chen.GetAsync($"/api/announcements/{other}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chen.PostAsJsonAsync($"/api/announcements/{other}/withdraw", new { by = "陈刚" }, ct)).StatusCode);
    }
}
