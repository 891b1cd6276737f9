using System.Net;
using System.Net.Http.Json;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.StaffConsole;

/// <summary>Scope, CSRF, sign-in throttling, one-time links and headers of the staff console over real HTTP.</summary>
public sealed class ConsoleSecurityTests
{
    private const string LeaderChenToken = "chen-g02-token-0123456789";
    private const string LeaderChenTokenEntry = LeaderChenToken + "@DEMO-S01-C01-G02";

    [Fact]
    public async Task A_grid_leaders_token_does_not_see_another_grids_ticket_in_the_console_or_the_api()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, $"--Api:Tokens:1={LeaderChenTokenEntry}");
        var number = (await host.Chat("demo-c01-g01").SayAsync(Person.Resident("张阿姨"), "5号楼门口的路灯坏了", ct)).TicketNumber;
        using var console = new ConsoleClient(host);

        Assert.Equal(HttpStatusCode.Redirect, (await console.SignInWithTokenAsync(LeaderChenToken, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await console.Http.GetAsync($"/console/tickets/{number}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await console.Http.GetAsync("/console?grid=DEMO-S01-C01-G01", ct)).StatusCode);
        var board = await console.Http.GetStringAsync("/console", ct);
        Assert.DoesNotContain(number, board, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await console.Http.GetAsync("/console/ledger.xlsx?scope=DEMO-S01-C01-G01", ct)).StatusCode);

        using var api = new HttpClient { BaseAddress = host.Address };
        api.DefaultRequestHeaders.Authorization = new("Bearer", LeaderChenToken);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/tickets/{number}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/tickets?grid=DEMO-S01-C01-G01", ct)).StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/tickets", ct))!);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/digests?scope=DEMO-S01-C01", ct)).StatusCode);

        // The unscoped token of the existing configuration still sees everything.
        host.Http.DefaultRequestHeaders.Authorization = new("Bearer", GridBotTestHost.ApiToken);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync($"/api/tickets/{number}", ct)).StatusCode);
    }

    [Fact]
    public async Task An_action_without_the_csrf_token_is_refused_and_changes_nothing()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, ConsoleClient.PublicBaseUrlSetting);
        var number = (await host.Chat("demo-c01-g01").SayAsync(Person.Resident("张阿姨"), "3号楼楼道灯坏了好几天了", ct)).TicketNumber;
        using var console = new ConsoleClient(host);
        Assert.Equal(HttpStatusCode.Redirect, (await console.ExchangeLinkAsync(await ConsoleClient.RequestLinkAsync(host, Person.LeaderWang, ct), ct)).StatusCode);

        var page = await console.Http.GetStringAsync($"/console/tickets/{number}", ct);
        var without = await console.Http.PostAsync($"/console/tickets/{number}/actions", new FormUrlEncodedContent([new("action", "accept")]), ct);
        var wrong = await console.Http.PostAsync($"/console/tickets/{number}/actions", new FormUrlEncodedContent([new("action", "accept"), new("_csrf", "00")]), ct);
        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(TicketStatus.New, await host.QueryAsync(db => db.Tickets.Where(t => t.Number == number).Select(t => t.Status).SingleAsync(ct)));

        var with = await console.Http.PostAsync($"/console/tickets/{number}/actions",
            new FormUrlEncodedContent([new("action", "accept"), new("_csrf", ConsoleClient.CsrfOf(page))]), ct);
        Assert.Equal(HttpStatusCode.Redirect, with.StatusCode);
        var accepted = await host.QueryAsync(db => db.Tickets.Include(t => t.Events).SingleAsync(t => t.Number == number, ct));
        Assert.Equal(TicketStatus.Accepted, accepted.Status);
        Assert.Equal("王芳", accepted.Events.Last().ActorName);
        Assert.Contains("已受理工单", Uri.UnescapeDataString(await console.Http.GetStringAsync($"/console/tickets/{number}", ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_bad_sign_ins_are_throttled_with_429()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, "--Console:SignInAttemptsPerMinute=3");
        using var console = new ConsoleClient(host);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await console.SignInWithTokenAsync("wrong-token-" + i + "-0123456789", ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Throttled means throttled: even the right token waits for the window.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await console.SignInWithTokenAsync(GridBotTestHost.ApiToken, ct)).StatusCode);
    }

    [Fact]
    public async Task A_one_time_link_signs_in_once_and_only_from_a_private_chat()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, ConsoleClient.PublicBaseUrlSetting);
        var inGroup = await host.Chat("demo-c01-g01").SayAsync(Person.LeaderWang, "控制台", ct);
        Assert.Contains("私聊", inGroup.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("console.invalid", inGroup.Text, StringComparison.Ordinal);
        var resident = await host.Private("nobody").SayAsync(Person.Resident("路人"), "控制台", ct);
        Assert.DoesNotContain("console.invalid", resident.Text, StringComparison.Ordinal);

        var link = await ConsoleClient.RequestLinkAsync(host, Person.LeaderWang, ct);
        using var first = new ConsoleClient(host);
        // Opening the link (a chat app's preview does this) only shows a button; it does not use the link up.
        Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync(link, ct)).StatusCode);
        var exchanged = await first.ExchangeLinkAsync(link, ct);
        Assert.Equal(HttpStatusCode.Redirect, exchanged.StatusCode);
        Assert.Equal("/console", exchanged.Headers.Location!.OriginalString);
        var cookie = exchanged.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gridbot_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("王芳", await first.Http.GetStringAsync("/console", ct), StringComparison.Ordinal);

        using var second = new ConsoleClient(host);
        Assert.Equal(HttpStatusCode.BadRequest, (await second.ExchangeLinkAsync(link, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Http.GetAsync("/console", ct)).StatusCode);
        Assert.True(await host.QueryAsync(db => db.ConsoleSignInLinks.AllAsync(l => l.TokenHash.Length == 64 && !link.Contains(l.TokenHash), ct)));
    }

    [Fact]
    public async Task Console_pages_forbid_framing_and_inline_code()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        using var console = new ConsoleClient(host);
        foreach (var response in new[] { await console.Http.GetAsync("/console/signin", ct), await console.SignInWithTokenAsync(GridBotTestHost.ApiToken, ct), await console.Http.GetAsync("/console", ct) })
        {
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }
}
