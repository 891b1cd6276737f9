using System.Net;
using System.Text;
using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.BotFramework;

/// <summary>Inbound tokens against a fake Bot Framework service that signs with its own rotating keys.</summary>
public sealed class BotFrameworkAuthenticationTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task ASignedActivityIsAcceptedAndItsReplyCarriesGridBotsOwnToken()
    {
        var ct = TestTimeout.Token;
        await using var bf = await FakeBotFrameworkService.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, bf.HostSettings);
        var activity = Activity(host, bf, "帮助");

        var response = await host.PostBotFrameworkAsync(activity, bf.Sign(), ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = Assert.Single(await bf.WaitForAsync(r => r.Count > 0, ct));
        Assert.Equal($"/v3/conversations/{Group}/activities/{activity.Id}", reply.Path);
        Assert.Equal("bot-on-directline", reply.Activity.From!.Id);
        Assert.Equal(1, bf.TokenRequests);
        var reference = await host.QueryAsync(db => db.BotFrameworkConversations.SingleAsync(ct));
        Assert.Equal(("directline", Group, bf.ServiceUrl, "bot-on-directline", "tenant-1", true),
            (reference.Channel, reference.ConversationId, reference.ServiceUrl, reference.BotId, reference.TenantId, reference.IsGroup));
        Assert.Equal(1, await host.QueryAsync(db => db.BotFrameworkMembers.CountAsync(m => m.UserId == activity.From!.Id, ct)));
    }

    [Fact]
    public async Task ForgedUnsignedExpiredOrMisdirectedRequestsAre401AndWriteNothing()
    {
        var ct = TestTimeout.Token;
        await using var bf = await FakeBotFrameworkService.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, [.. bf.HostSettings, "--BotFramework:ClockSkew=00:00:01"]);
        var stranger = FakeBotFrameworkService.SigningKey.Create(["directline"]);
        var cases = new (string Name, string? Token)[]
        {
            ("unsigned", null),
            ("garbage", "not.a.jwt"),
            ("expired", bf.Sign(expires: DateTime.UtcNow.AddMinutes(-2))),
            ("wrong audience", bf.Sign(audience: Guid.NewGuid().ToString())),
            ("wrong issuer", bf.Sign(issuer: "https://evil.example")),
            ("serviceUrl claim of another connector", bf.Sign(serviceUrl: "http://127.0.0.1:1/")),
            ("key not in the JWKS", bf.Sign(key: stranger)),
            ("oversized", new string('a', 20_000)),
        };

        foreach (var (name, token) in cases)
        {
            var response = await host.PostBotFrameworkAsync(Activity(host, bf, "3号楼楼道灯坏了"), token, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {response.StatusCode}");
        }

        // A token that was good is refused once its lifetime (plus the skew) has passed: a replay later gets nothing.
        var shortLived = bf.Sign(expires: DateTime.UtcNow.AddSeconds(2));
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostBotFrameworkAsync(Activity(host, bf, "帮助"), shortLived, ct)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3.5), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostBotFrameworkAsync(Activity(host, bf, "帮助"), shortLived, ct)).StatusCode);

        Assert.Equal(1, await host.QueryAsync(db => db.ProcessedActivities.CountAsync(ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
        Assert.Equal(1, await host.QueryAsync(db => db.BotFrameworkConversations.CountAsync(ct)));
    }

    [Fact]
    public async Task AKeyThatDoesNotEndorseTheChannelAndAHugeBodyAreRefused()
    {
        var ct = TestTimeout.Token;
        await using var bf = await FakeBotFrameworkService.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, bf.HostSettings);
        var teams = Activity(host, bf, "帮助");
        teams.ChannelId = "slack";

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostBotFrameworkAsync(teams, bf.Sign(), ct)).StatusCode);

        var json = JsonSerializer.Serialize(Activity(host, bf, new string('灯', 100_000)), ActivityJson.Default.Activity);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", bf.Sign());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.Http.SendAsync(request, ct)).StatusCode);
        Assert.Equal(0, await host.QueryAsync(db => db.ProcessedActivities.CountAsync(ct)));
    }

    [Fact]
    public async Task AKeyRolloverIsFollowedAndTheRetiredKeyNoLongerWorks()
    {
        var ct = TestTimeout.Token;
        await using var bf = await FakeBotFrameworkService.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, bf.HostSettings);
        var before = bf.Sign();
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostBotFrameworkAsync(Activity(host, bf, "帮助"), before, ct)).StatusCode);
        var fetches = bf.MetadataFetches;

        bf.RotateKeys();
        await Task.Delay(TimeSpan.FromSeconds(1.1), ct);

        Assert.Equal(HttpStatusCode.Accepted, (await host.PostBotFrameworkAsync(Activity(host, bf, "帮助"), bf.Sign(), ct)).StatusCode);
        Assert.True(bf.MetadataFetches > fetches, "an unknown kid must fetch the keys again");
        await Task.Delay(TimeSpan.FromSeconds(1.1), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostBotFrameworkAsync(Activity(host, bf, "帮助"), before, ct)).StatusCode);
    }

    [Fact]
    public async Task WithoutAnAppIdOnlyLoopbackCallersAreTakenAndTheDemoChannelHasItsOwnEndpoint()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var emulator = host.Chat(Group).Build(Person.Resident("模拟器"), "帮助");
        emulator.ChannelId = "emulator";

        Assert.Equal(HttpStatusCode.OK, (await host.PostBotFrameworkAsync(emulator, bearer: null, ct)).StatusCode);

        using var proxied = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = System.Net.Http.Json.JsonContent.Create(emulator, ActivityJson.Default.Activity) };
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(proxied, ct)).StatusCode);

        // The chat page's people pick who they are: that channel never comes through /api/messages, and the page's
        // endpoint never speaks for a Bot Framework channel.
        var demo = host.Chat(Group).Build(Person.LeaderWang, "工单");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostBotFrameworkAsync(demo, bearer: null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostActivityAsync(emulator, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(demo, ct)).StatusCode);
    }

    private static Activity Activity(GridBotTestHost host, FakeBotFrameworkService bf, string text)
    {
        var activity = host.Chat(Group).Build(Person.Resident("居民"), text);
        activity.ChannelId = "directline";
        activity.ServiceUrl = bf.ServiceUrl;
        activity.DeliveryMode = null;
        activity.Recipient = new ChannelAccount { Id = "bot-on-directline", Name = "网格小助手" };
        activity.Conversation!.TenantId = "tenant-1";
        return activity;
    }
}
