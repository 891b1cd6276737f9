using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.StaffConsole;

/// <summary>What the console's pages say, and what a session may do, over real HTTP.</summary>
public sealed partial class ConsolePagesTests
{
    [Fact]
    public async Task The_grid_overview_and_the_charts_count_the_scopes_tickets()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var group = host.Chat("demo-c01-g01");
        var first = (await group.SayAsync(Person.Resident("张阿姨"), "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;
        await group.SayAsync(Person.Resident("李大爷"), "5号楼门口垃圾桶满了没人清理", ct);
        await group.SayAsync(Person.LeaderWang, $"办结 {first} 已更换灯泡", ct);
        using var console = new ConsoleClient(host);
        await console.SignInWithTokenAsync(GridBotTestHost.ApiToken, ct);

        var overview = await console.Http.GetStringAsync("/console/grids", ct);
        var row = GridRow().Matches(overview).Single(m => m.Groups["name"].Value == "幸福里社区第一网格");
        Assert.Equal(["1", "0", "1", "100%"], row.Groups["cell"].Captures.Take(4).Select(c => c.Value));

        var daily = XDocument.Parse(await console.Http.GetStringAsync("/console/charts/daily.svg", ct));
        Assert.Equal("svg", daily.Root!.Name.LocalName);
        Assert.Contains("新增", daily.Root.Value, StringComparison.Ordinal);
        var categories = XDocument.Parse(await console.Http.GetStringAsync("/console/charts/categories.svg", ct));
        Assert.Contains("民生服务", categories.Root!.Value, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await console.Http.GetAsync("/console/charts/nothing.svg", ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_session_reads_but_cannot_act()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var number = (await host.Chat("demo-c01-g01").SayAsync(Person.Resident("张阿姨"), "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;
        using var console = new ConsoleClient(host);
        await console.SignInWithTokenAsync(GridBotTestHost.ApiToken, ct);

        var page = await console.Http.GetStringAsync($"/console/tickets/{number}", ct);
        Assert.Contains("令牌登录只能查看和导出", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/actions", page, StringComparison.Ordinal);
        var act = await console.Http.PostAsync($"/console/tickets/{number}/actions",
            new FormUrlEncodedContent([new("action", "accept"), new("_csrf", ConsoleClient.CsrfOf(page))]), ct);
        Assert.Equal(HttpStatusCode.Forbidden, act.StatusCode);
    }

    [Fact]
    public async Task A_link_expires_after_its_lifetime()
    {
        var ct = TestTimeout.Token;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await GridBotTestHost.StartAsync(clock, null, ct, ConsoleClient.PublicBaseUrlSetting, "--Schedules:Enabled=false");
        var link = await ConsoleClient.RequestLinkAsync(host, Person.LeaderWang, ct);
        clock.Advance(TimeSpan.FromMinutes(11));
        using var console = new ConsoleClient(host);
        Assert.Equal(HttpStatusCode.BadRequest, (await console.ExchangeLinkAsync(link, ct)).StatusCode);
    }

    [GeneratedRegex("""<tr><th scope="row"><a [^>]*>(?<name>[^<]+)</a></th>(?:<td[^>]*>(?:<a [^>]*>)?(?<cell>[^<]*)(?:</a>)?</td>)+</tr>""")]
    private static partial Regex GridRow();
}
