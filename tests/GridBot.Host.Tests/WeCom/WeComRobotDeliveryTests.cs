using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GridBot.Dialogs.Proactive;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.WeCom;

/// <summary>What reaches a group robot for each outbox format, WeCom's own 45009, quotes, and the shared access token.</summary>
public sealed class WeComRobotDeliveryTests
{
    private const string Grid = "DEMO-S01-C01-G01";
    private const string Key = "5b8e3c1a-robot-4bc4-97a0-delivery0001";

    [Fact]
    public async Task AnUrgentReportInAGroupPingsTheGridLeaderThroughTheRobotsMentionedList()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings(fake.ApiBaseSetting));
        await WeComSimulator.BindGroupAsync(host, "wrkUrgent01", Grid, ct, Key);
        await WeComSimulator.BindLeaderAsync(host, "wangfang", Grid, ct);

        var reply = await new WeComSimulator(host).PostAsync(WeComSimulator.GroupText("msg-urgent-1", "wrkUrgent01", "zhoushu", "@网格小助手 5号楼电梯里有人被困了，快来人！"), ct);

        Assert.Contains("紧急工单", reply.StreamContent);
        var alert = Assert.Single(await WaitForRecordsAsync(fake, 1, ct))["body"]!;
        Assert.Equal("text", alert["msgtype"]!.GetValue<string>());
        Assert.Contains("请网格长立即处理", alert["text"]!["content"]!.GetValue<string>());
        Assert.Equal(["wangfang"], alert["text"]!["mentioned_list"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task MarkdownNamesItsMentionsInlineAndAnImageGoesAsBase64WithItsMd5()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting);
        await WeComSimulator.BindGroupAsync(host, "wrkFormats01", Grid, ct, Key);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

        await OutboxProbe.EnqueueAsync(host, m => m.Enqueue("wecom", "wrkFormats01", null, string.Join('\n', Enumerable.Repeat("超长的周报内容一行。", 300)), ["lina", "@all"]), ct);
        await OutboxProbe.EnqueueAsync(host, m => m.EnqueueImage("wecom", "wrkFormats01", "本周工单图表", png), ct);
        var badImage = await OutboxProbe.EnqueueAsync(host, m => m.EnqueueImage("wecom", "wrkFormats01", "坏图", [1, 2, 3]), ct);

        var bodies = (await WaitForRecordsAsync(fake, 2, ct)).Select(r => r["body"]!).ToList();
        var markdown = bodies.Single(b => b["msgtype"]!.GetValue<string>() == "markdown")["markdown"]!["content"]!.GetValue<string>();
        Assert.StartsWith("<@lina>\n", markdown, StringComparison.Ordinal);
        Assert.Matches(@"…另有 \d+ 条$", markdown);
        var image = bodies.Single(b => b["msgtype"]!.GetValue<string>() == "image")["image"]!;
        Assert.Equal(Convert.ToBase64String(png), image["base64"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(png)), image["md5"]!.GetValue<string>());
        var failed = await OutboxProbe.WaitForFinalAsync(host, badImage, ct);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains("PNG or JPEG", failed.LastError);
    }

    [Fact]
    public async Task WeComsOwn45009IsRetriedWithBackoffUntilEveryMessageArrives()
    {
        var ct = TestTimeout.Token;
        // The host believes in a shorter window than WeCom enforces, so WeCom itself answers 45009 and the host must back off.
        await using var fake = await FakeWeCom.StartAsync(ct, "--FakeWeCom:WebhookWindow=00:00:04");
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting, "--WeCom:Webhook:Window=00:00:00.500", "--Outbox:FirstRetryDelay=00:00:00.200");
        await WeComSimulator.BindGroupAsync(host, "wrkBusy01", Grid, ct, Key);

        var ids = new List<long>();
        for (var i = 0; i < 26; i++)
        {
            ids.Add(await OutboxProbe.EnqueueAsync(host, m => m.Enqueue("wecom", "wrkBusy01", null, $"第 {i} 条通知"), ct));
        }

        foreach (var id in ids)
        {
            Assert.Equal(OutboxStatus.Sent, (await OutboxProbe.WaitForFinalAsync(host, id, ct)).Status);
        }

        var stats = await fake.StatsAsync(ct);
        Assert.True(stats["requests"]!["webhook/send 45009"]?.GetValue<int>() > 0, stats.ToJsonString());
        Assert.Equal(26, stats["requests"]!["webhook/send 0"]!.GetValue<int>());
        Assert.InRange(stats["maxAcceptedPerRobotInAnyWindow"]!.GetValue<int>(), 1, 20);
    }

    [Fact]
    public async Task AQuotedMessageIsPartOfTheReportItAnswers()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings());
        var wecom = new WeComSimulator(host);
        await wecom.BindGroupAsync("wrkQuote01", Grid, ct);
        var message = WeComSimulator.GroupText("msg-quote-1", "wrkQuote01", "qianshu", "@网格小助手 这个问题一直没人管");
        message["quote"] = new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "7号楼门口的下水道堵了，污水漫到路上" } };

        var reply = await wecom.PostAsync(message, ct);

        Assert.Matches(@"GD\d{8}-0001", reply.StreamContent);
        var ticket = await host.QueryAsync(db => db.Tickets.SingleAsync(ct));
        Assert.Contains("下水道堵了", ticket.Description, StringComparison.Ordinal);
        Assert.StartsWith("7号楼", ticket.Place, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoHostsSharingRedisFetchOneAccessTokenBetweenThem()
    {
        var ct = TestTimeout.Token;
        var prefix = TestRedis.NewPrefix();
        await using var fake = await FakeWeCom.StartAsync(ct);
        string[] settings = [.. WeComSimulator.AppSettings(fake), $"--Redis:Configuration={TestRedis.Configuration}", $"--Redis:KeyPrefix={prefix}"];
        await using var first = await GridBotTestHost.StartAsync(ct, settings);
        await using var second = await GridBotTestHost.StartAsync(ct, settings);

        var a = await OutboxProbe.EnqueueAsync(first, m => m.Enqueue("wecom", "zhangsan", null, "您好，您的工单已受理。"), ct);
        Assert.Equal(OutboxStatus.Sent, (await OutboxProbe.WaitForFinalAsync(first, a, ct)).Status);
        var b = await OutboxProbe.EnqueueAsync(second, m => m.Enqueue("wecom", "lisi", null, "您好，您的工单已办结。"), ct);
        Assert.Equal(OutboxStatus.Sent, (await OutboxProbe.WaitForFinalAsync(second, b, ct)).Status);

        Assert.Equal(1, (await fake.StatsAsync(ct))["tokensIssued"]!.GetValue<int>());
        Assert.Equal(["zhangsan", "lisi"], (await fake.RecordsAsync("message/send", ct)).Select(r => r["target"]!.GetValue<string>()));
    }

    private static async Task<List<JsonObject>> WaitForRecordsAsync(FakeWeCom fake, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var records = await fake.RecordsAsync("webhook/send", cancellationToken);
            if (records.Count >= count)
            {
                return records;
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
