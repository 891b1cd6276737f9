using System.Net;
using System.Text;
using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Host.Tests.BotFramework;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Channels;

public sealed class BotFrameworkChannelTests
{
    [Fact]
    public async Task MalformedJsonIsA400ProblemAndChangesNothing()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var response = await host.Http.PostAsync("/api/messages", new StringContent("{\"type\":\"message\",\"text\":", Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await host.QueryAsync(db => db.ProcessedActivities.CountAsync(ct)));
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"demo\",\"from\":{\"id\":\"u\"},\"text\":\"hi\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"demo\",\"conversation\":{\"id\":\"demo-c01-g01\"},\"text\":\"hi\"}")]
    [InlineData("{\"type\":\"\",\"channelId\":\"demo\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"}}")]
    [InlineData("null")]
    public async Task AnActivityMissingWhatATurnNeedsIsA400(string body)
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var response = await host.Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ABodyOver256KilobytesIsA413()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var activity = host.Chat("demo-c01-g01").Build(Person.Resident("大文件"), new string('灯', 100_000));

        var json = JsonSerializer.Serialize(activity, ActivityJson.Default.Activity);
        var response = await host.Http.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task AChunkedBodyOver256KilobytesIsA413Too()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"" + new string('a', 300_000) + "\"}")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await host.Http.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task WithoutExpectRepliesTheAnswerIsPostedToTheServiceUrl()
    {
        var ct = TestTimeout.Token;
        await using var connector = await FakeBotFrameworkService.StartAsync(ct);
        connector.AcceptAnonymous = true;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var activity = host.Chat("demo-c01-g01").Build(Person.Resident("回调"), "11号楼门口路灯不亮了");
        activity.ChannelId = "emulator";
        activity.DeliveryMode = null;
        activity.ServiceUrl = connector.ServiceUrl;
        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Chats SET Channel = 'emulator' WHERE ChatId = 'demo-c01-g01'", ct));

        var response = await host.PostBotFrameworkAsync(activity, bearer: null, ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = Assert.Single(await connector.WaitForAsync(r => r.Count > 0, ct));
        Assert.Equal($"/v3/conversations/demo-c01-g01/activities/{activity.Id}", reply.Path);
        Assert.Matches(@"GD\d{8}-\d{4}", reply.Activity.Text);
        Assert.Equal(activity.Id, reply.Activity.ReplyToId);
        Assert.False(reply.HadToken, "without an app id GridBot has no token to send (the Emulator's no-auth mode)");
    }

    [Fact]
    public async Task AServiceUrlOutsideTheAllowListIsRefused()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var activity = host.Chat("demo-c01-g01").Build(Person.Resident("攻击者"), "3号楼灯坏了");
        activity.ChannelId = "directline";
        activity.DeliveryMode = null;
        activity.ServiceUrl = "http://169.254.169.254/latest";

        var response = await host.PostBotFrameworkAsync(activity, bearer: null, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task JsonFromTheBotFrameworkSchemaRoundTripsUnknownFields()
    {
        const string json = """
            {"type":"message","id":"a1","timestamp":"2026-11-23T08:00:00Z","channelId":"emulator","serviceUrl":"http://localhost:1",
             "from":{"id":"u1","name":"张三","role":"user"},"recipient":{"id":"bot","name":"bot"},
             "conversation":{"id":"c1","isGroup":true,"name":"群","conversationType":"groupChat"},
             "text":"hi","attachments":[{"contentType":"image/png","contentUrl":"http://x/y.png"}],
             "entities":[{"type":"mention","mentioned":{"id":"bot","name":"bot"},"text":"@bot"},{"type":"clientInfo","locale":"zh-CN"}],
             "replyToId":"r0","deliveryMode":"expectReplies","channelData":{"tenant":{"id":"t"}},"localTimezone":"Asia/Shanghai"}
            """;

        var activity = JsonSerializer.Deserialize(json, ActivityJson.Default.Activity)!;
        var again = JsonSerializer.Serialize(activity, ActivityJson.Default.Activity);

        Assert.True(activity.Conversation!.IsGroup);
        Assert.Equal("bot", Assert.Single(activity.Mentions()).Mentioned.Id);
        Assert.True(activity.Attachments![0].IsImage);
        using var doc = JsonDocument.Parse(again);
        Assert.Equal("Asia/Shanghai", doc.RootElement.GetProperty("localTimezone").GetString());
        Assert.Equal("zh-CN", doc.RootElement.GetProperty("entities")[1].GetProperty("locale").GetString());
        Assert.Equal("t", doc.RootElement.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }
}
