using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.Api;

public sealed class TicketApiTests
{
    [Fact]
    public async Task WithoutAValidTokenTheApiAnswers401()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var none = await host.Http.GetAsync("/api/tickets", ct);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/tickets");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-token-0123456789abcdeX");
        var bad = await host.Http.SendAsync(wrong, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task TicketsAreListedByGridSubtreeWithPhonesMasked()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var number = (await host.Chat("demo-c01-g01").SayAsync(Person.Resident("韩"), "3号楼楼道灯坏了，我电话13812341111", ct)).TicketNumber;
        await host.Chat("demo-c02-g01").SayAsync(Person.Resident("杨"), "和平路5号垃圾没人清运，臭死了", ct);

        var community = await GetJsonAsync(host, "/api/tickets?grid=DEMO-S01-C01", ct);
        var street = await GetJsonAsync(host, "/api/tickets?grid=DEMO-S01", ct);
        var detail = await GetJsonAsync(host, $"/api/tickets/{number}", ct);

        Assert.Equal(1, community.GetArrayLength());
        Assert.Equal(2, street.GetArrayLength());
        Assert.Equal(number, community[0].GetProperty("number").GetString());
        var text = detail.GetRawText();
        Assert.DoesNotContain("13812341111", text);
        Assert.Contains("138****1111", detail.GetProperty("description").GetString());
        Assert.Equal("Create", detail.GetProperty("history")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task AnUnknownGridOrTicketIsA404AndABadStatusA400()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, "/api/tickets?grid=NOPE", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, "/api/tickets/GD20990101-0001", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(host, "/api/tickets?status=whatever", ct)).StatusCode);
    }

    [Fact]
    public async Task PhonesAreMaskedInGroupRepliesButShownToStaffInPrivate()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var number = (await host.Chat("demo-c01-g01").SayAsync(Person.Resident("秦"), "5号楼电梯坏了，联系我13900001111", ct)).TicketNumber;

        var inGroup = await host.Chat("demo-c01-g01").SayAsync(Person.LeaderWang, $"详情 {number}", ct);
        var inPrivate = await host.Private(Person.LeaderWang.Id).SayAsync(Person.LeaderWang, $"详情 {number}", ct);

        Assert.DoesNotContain("13900001111", inGroup.Text);
        Assert.Contains("139****1111", inGroup.Text);
        Assert.Contains("13900001111", inPrivate.Text);
    }

    private static async Task<HttpResponseMessage> SendAsync(GridBotTestHost host, string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);
        return await host.Http.SendAsync(request, ct);
    }

    private static async Task<JsonElement> GetJsonAsync(GridBotTestHost host, string url, CancellationToken ct)
    {
        var response = await SendAsync(host, url, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
    }
}
