using System.Text;
using GridBot.Dialogs.Proactive;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.WeCom;

/// <summary>Group robot pushes through the outbox against the fake WeCom server: delivery, faults, limits, dead robots.</summary>
public sealed class WeComWebhookSenderTests
{
    private const string Grid = "DEMO-S01-C01-G01";
    private const string Key = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

    [Fact]
    public async Task NoticeForABoundGroupIsDeliveredThroughItsRobotAsText()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting);
        await WeComSimulator.BindGroupAsync(host, "wrkGroupA", Grid, ct, $"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={Key}");

        var id = await OutboxProbe.EnqueueTextAsync(host, "wecom", "wrkGroupA", "工单 GD20261123-0001 已办结，感谢您的反映。", ct);
        var row = await OutboxProbe.WaitForFinalAsync(host, id, ct);

        Assert.Equal(OutboxStatus.Sent, row.Status);
        var record = Assert.Single(await fake.RecordsAsync("webhook/send", ct));
        Assert.Equal(Key, record["target"]!.GetValue<string>());
        Assert.Equal("text", record["body"]!["msgtype"]!.GetValue<string>());
        Assert.Equal("工单 GD20261123-0001 已办结，感谢您的反映。", record["body"]!["text"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServerErrorsAndADroppedConnectionAreRetriedWithBackoffUntilDelivered()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting, "--Outbox:FirstRetryDelay=00:00:00.050");
        await WeComSimulator.BindGroupAsync(host, "wrkGroupB", Grid, ct, Key);
        await fake.SetFaultsAsync(latencyMs: 0, serverErrors: 2, drops: 1, ct);

        var id = await OutboxProbe.EnqueueTextAsync(host, "wecom", "wrkGroupB", "本周网格例会改到周四下午三点。", ct);
        var row = await OutboxProbe.WaitForFinalAsync(host, id, ct);

        Assert.Equal(OutboxStatus.Sent, row.Status);
        // Each try is an attempt of the row's own, retried by the outbox.
        Assert.Equal(4, row.Attempts);
        var stats = await fake.StatsAsync(ct);
        Assert.Equal(2, stats["requests"]!["webhook/send 500"]!.GetValue<int>());
        Assert.Equal(1, stats["requests"]!["webhook/send -2"]!.GetValue<int>());
        Assert.Equal(1, stats["requests"]!["webhook/send 0"]!.GetValue<int>());
    }

    [Fact]
    public async Task ADeletedRobotIsRecordedAsAPermanentFailureNotRetriedAndItsLeaderIsToldOnce()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct, $"--FakeWeCom:InvalidWebhookKeys:0={Key}");
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));
        await WeComSimulator.BindGroupAsync(host, "wrkGroupC", Grid, ct, Key);
        await WeComSimulator.BindLeaderAsync(host, "wangfang", Grid, ct);

        var first = await OutboxProbe.WaitForFinalAsync(host, await OutboxProbe.EnqueueTextAsync(host, "wecom", "wrkGroupC", "明天上午停水，请提前储水。", ct), ct);
        var second = await OutboxProbe.WaitForFinalAsync(host, await OutboxProbe.EnqueueTextAsync(host, "wecom", "wrkGroupC", "后天上午恢复供水。", ct), ct);

        Assert.Equal(OutboxStatus.Failed, first.Status);
        Assert.Equal("errcode 93000", first.LastError);
        Assert.Equal(OutboxStatus.Failed, second.Status);
        Assert.Equal(2, (await fake.RecordsAsync("webhook/send", ct)).Count);
        var told = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == "wangfang").ToListAsync(ct));
        var notice = Assert.Single(told);
        Assert.Contains("群机器人已无法发送消息", notice.Text);
        Assert.DoesNotContain(Key, notice.Text, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await OutboxProbe.WaitForFinalAsync(host, notice.Id, ct)).Status);
        Assert.Equal("wangfang", Assert.Single(await fake.RecordsAsync("message/send", ct))["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABurstToOneRobotStaysWithinItsLimitAndEverythingArrives()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct, "--FakeWeCom:WebhookWindow=00:00:03");
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting, "--WeCom:Webhook:Window=00:00:03");
        await WeComSimulator.BindGroupAsync(host, "wrkGroupD", Grid, ct, Key);

        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await OutboxProbe.EnqueueTextAsync(host, "wecom", "wrkGroupD", $"通知 {i}", ct));
        }

        foreach (var id in ids)
        {
            Assert.Equal(OutboxStatus.Sent, (await OutboxProbe.WaitForFinalAsync(host, id, ct)).Status);
        }

        var stats = await fake.StatsAsync(ct);
        Assert.Equal(30, stats["requests"]!["webhook/send 0"]!.GetValue<int>());
        Assert.Null(stats["requests"]!["webhook/send 45009"]);
        Assert.InRange(stats["maxAcceptedPerRobotInAnyWindow"]!.GetValue<int>(), 1, 20);
    }

    [Fact]
    public async Task TwoHostsSharingRedisNeverExceedOneRobotsLimitTogether()
    {
        var ct = TestTimeout.Token;
        var prefix = TestRedis.NewPrefix();
        await using var fake = await FakeWeCom.StartAsync(ct, "--FakeWeCom:WebhookWindow=00:00:03");
        string[] settings = [fake.ApiBaseSetting, "--WeCom:Webhook:Window=00:00:03", $"--Redis:Configuration={TestRedis.Configuration}", $"--Redis:KeyPrefix={prefix}"];
        await using var first = await GridBotTestHost.StartAsync(ct, settings);
        await using var second = await GridBotTestHost.StartAsync(ct, settings);
        await WeComSimulator.BindGroupAsync(first, "wrkGroupE", Grid, ct, Key);
        await WeComSimulator.BindGroupAsync(second, "wrkGroupE", Grid, ct, Key);

        var ids = new List<(GridBotTestHost Host, long Id)>();
        for (var i = 0; i < 15; i++)
        {
            ids.Add((first, await OutboxProbe.EnqueueTextAsync(first, "wecom", "wrkGroupE", $"甲 {i}", ct)));
            ids.Add((second, await OutboxProbe.EnqueueTextAsync(second, "wecom", "wrkGroupE", $"乙 {i}", ct)));
        }

        foreach (var (host, id) in ids)
        {
            Assert.Equal(OutboxStatus.Sent, (await OutboxProbe.WaitForFinalAsync(host, id, ct)).Status);
        }

        var stats = await fake.StatsAsync(ct);
        Assert.Null(stats["requests"]!["webhook/send 45009"]);
        Assert.InRange(stats["maxAcceptedPerRobotInAnyWindow"]!.GetValue<int>(), 1, 20);
    }

    [Fact]
    public async Task ALongDigestBecomesMarkdownCutAtWholeLinesWithACount()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting);
        await WeComSimulator.BindGroupAsync(host, "wrkGroupF", Grid, ct, Key);
        var lines = Enumerable.Range(1, 200).Select(i => $"{i}. GD20261123-{i:0000} 3号楼{i}单元楼道灯坏了（待处理）");

        var id = await OutboxProbe.EnqueueTextAsync(host, "wecom", "wrkGroupF", string.Join('\n', lines), ct);
        await OutboxProbe.WaitForFinalAsync(host, id, ct);

        var body = Assert.Single(await fake.RecordsAsync("webhook/send", ct))["body"]!;
        Assert.Equal("markdown", body["msgtype"]!.GetValue<string>());
        var content = body["markdown"]!["content"]!.GetValue<string>();
        Assert.InRange(Encoding.UTF8.GetByteCount(content), 3500, 4096);
        var kept = content.Split('\n');
        Assert.Matches(@"^…另有 \d+ 条$", kept[^1]);
        Assert.Equal(200, kept.Length - 1 + int.Parse(kept[^1].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(kept[..^1], line => Assert.EndsWith("（待处理）", line, StringComparison.Ordinal));
    }
}
