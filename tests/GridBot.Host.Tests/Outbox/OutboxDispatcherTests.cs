using GridBot.Host.Configuration;
using GridBot.Host.Outbox;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Tests.Outbox;

/// <summary>The dispatcher's claims, parallelism (no batch waits for its slowest send) and ordering, against the fake WeCom server's group robots.</summary>
public sealed class OutboxDispatcherTests
{
    private const string Grid = "DEMO-S01-C01-G01";

    [Fact]
    public async Task AConversationsLaterRowsWaitBehindAFailedEarlierOneWhileOtherConversationsGoOn()
    {
        var ct = TestTimeout.Token;
        await using var fake = await WeCom.FakeWeCom.StartAsync(ct);
        // The 500 goes back to the outbox, which backs the row off for 1–3 s: long enough for B to go first.
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting, "--Outbox:FirstRetryDelay=00:00:02", "--Outbox:Parallelism=4");
        await OutboxRows.BindGroupsAsync(host, Grid, [("wrkOrderA", "order-robot-a"), ("wrkOrderB", "order-robot-b")], ct);
        await fake.SetFaultsAsync(latencyMs: 0, serverErrors: 1, drops: 0, ct);
        var ids = await OutboxRows.EnqueueAsync(host, [("wrkOrderA", "甲一")], ct);
        await WaitForFirstAttemptAsync(host, ids[0], ct);

        ids.AddRange(await OutboxRows.EnqueueAsync(host, [("wrkOrderA", "甲二"), ("wrkOrderA", "甲三"), ("wrkOrderB", "乙一")], ct));
        var rows = await OutboxRows.WaitForFinalAsync(host, ids, ct);

        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.Equal(2, rows[0].Attempts);
        var a = await fake.RecordsAsync("webhook/send", ct);
        var accepted = a.Where(r => r["errcode"]!.GetValue<int>() == 0).Select(r => r["body"]!["text"]!["content"]!.GetValue<string>()).ToList();
        Assert.Equal(["甲一", "甲二", "甲三"], accepted.Where(t => t.StartsWith('甲')));
        // B was not held up by A's failure: it went out before A's first row was retried.
        Assert.True(accepted.IndexOf("乙一") < accepted.IndexOf("甲一"), string.Join(",", accepted));
    }

    [Fact]
    public async Task TwoDispatchersOnOneDatabaseShareTheRowsAndSendEachOnce()
    {
        var ct = TestTimeout.Token;
        await using var fake = await WeCom.FakeWeCom.StartAsync(ct, "--FakeWeCom:LatencyMs=20");
        // The host's own dispatcher polls once a minute: the two built here do the work.
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting, "--Outbox:PollInterval=00:01:00");
        var chats = Enumerable.Range(1, 60).Select(i => ($"wrkShare{i:00}", $"share-robot-{i:00}")).ToList();
        await OutboxRows.BindGroupsAsync(host, Grid, chats, ct);
        var ids = await OutboxRows.EnqueueAsync(host, chats.SelectMany(c => new[] { (c.Item1, $"{c.Item1} 第一条"), (c.Item1, $"{c.Item1} 第二条") }), ct);

        var settings = new OutboxOptions { BatchSize = 10, Parallelism = 4, PollInterval = TimeSpan.FromMilliseconds(50) };
        var (first, firstCount) = Dispatcher(host, settings);
        var (second, secondCount) = Dispatcher(host, settings);
        await Task.WhenAll(first.StartAsync(ct), second.StartAsync(ct));
        var rows = await OutboxRows.WaitForFinalAsync(host, ids, ct);
        await Task.WhenAll(first.StopAsync(ct), second.StopAsync(ct));

        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.True(firstCount.Sends > 0 && secondCount.Sends > 0, $"first {firstCount.Sends}, second {secondCount.Sends}");
        // Not first + second == all: the host's own dispatcher polls once at its start and, if that poll comes after the
        // rows are in (a loaded CI box), keeps claiming while its sends finish; what matters is that every row went
        // out exactly once (below) and that both dispatchers here took a share.
        var texts = (await fake.RecordsAsync("webhook/send", ct)).Select(r => r["body"]!["text"]!["content"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, texts.Distinct().Count());
        Assert.Equal(ids.Count, texts.Count);
        foreach (var (chatId, _) in chats)
        {
            Assert.True(texts.IndexOf($"{chatId} 第一条") < texts.IndexOf($"{chatId} 第二条"), chatId);
        }
    }

    [Fact]
    public async Task A500WaitsForItsRetryWithoutASendSlotAndIsRetriedAfterItsBackoff()
    {
        var ct = TestTimeout.Token;
        await using var fake = await WeCom.FakeWeCom.StartAsync(ct);
        // One send slot and a retry 1.5–4.5 s after the 500: a retry waiting in the slot would hold back every row below.
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting, "--Outbox:FirstRetryDelay=00:00:03",
            "--Outbox:Parallelism=1", "--Outbox:BatchSize=4", "--Outbox:PollInterval=00:00:00.050");
        var chats = Enumerable.Range(1, 13).Select(i => ($"wrkSlow{i:00}", $"slow-robot-{i:00}")).ToList();
        await OutboxRows.BindGroupsAsync(host, Grid, chats, ct);
        await fake.SetFaultsAsync(latencyMs: 0, serverErrors: 1, drops: 0, ct);
        var ids = await OutboxRows.EnqueueAsync(host, [(chats[0].Item1, "慢一条")], ct);
        await WaitForFirstAttemptAsync(host, ids[0], ct);

        // The first row now waits for its retry; twelve rows for other robots come after it, through the one slot.
        ids.AddRange(await OutboxRows.EnqueueAsync(host, chats.Skip(1).Select(c => (c.Item1, $"{c.Item1} 通知")), ct));
        var rows = await OutboxRows.WaitForFinalAsync(host, ids, ct);

        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.Equal(2, rows[0].Attempts);
        Assert.All(rows.Skip(1), r => Assert.Equal(1, r.Attempts));
        var records = await fake.RecordsAsync("webhook/send", ct);
        var accepted = records.Where(r => r["errcode"]!.GetValue<int>() == 0).ToList();
        Assert.Equal(13, accepted.Count);
        Assert.Equal("慢一条", accepted[^1]["body"]!["text"]!["content"]!.GetValue<string>());
        // Retried after its backoff (at least half of FirstRetryDelay), not at once.
        var failedAt = records.Single(r => r["errcode"]!.GetValue<int>() == 500)["at"]!.GetValue<DateTimeOffset>();
        Assert.True(accepted[^1]["at"]!.GetValue<DateTimeOffset>() - failedAt >= TimeSpan.FromSeconds(1.5), $"{failedAt:O}");
    }

    [Fact]
    public async Task UnderRandom500sEveryMessageArrivesOnceInOrderWithinEachRobotsLimit()
    {
        var ct = TestTimeout.Token;
        // One answer in five a 500 (failed attempts count against the robot's limit at GridBot, as at WeCom).
        await using var fake = await WeCom.FakeWeCom.StartAsync(ct, "--FakeWeCom:ServerErrorPercent=20",
            "--FakeWeCom:WebhookWindow=00:00:02", "--FakeWeCom:WebhookPermits=5");
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting, "--Outbox:FirstRetryDelay=00:00:00.050",
            "--Outbox:PollInterval=00:00:00.050", "--WeCom:Webhook:Window=00:00:02", "--WeCom:Webhook:PermitsPerWindow=5");
        var chats = Enumerable.Range(1, 3).Select(i => ($"wrkFlaky{i}", $"flaky-robot-{i}")).ToList();
        await OutboxRows.BindGroupsAsync(host, Grid, chats, ct);

        var ids = await OutboxRows.EnqueueAsync(host, Enumerable.Range(1, 8).SelectMany(n => chats.Select(c => (c.Item1, $"{c.Item1} 第{n}条"))), ct);
        var rows = await OutboxRows.WaitForFinalAsync(host, ids, ct);

        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        var stats = await fake.StatsAsync(ct);
        Assert.Null(stats["requests"]!["webhook/send 45009"]);
        Assert.InRange(stats["maxAcceptedPerRobotInAnyWindow"]!.GetValue<int>(), 1, 5);
        var texts = (await fake.RecordsAsync("webhook/send", ct)).Where(r => r["errcode"]!.GetValue<int>() == 0)
            .Select(r => r["body"]!["text"]!["content"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, texts.Count);
        foreach (var (chatId, _) in chats)
        {
            Assert.Equal(Enumerable.Range(1, 8).Select(n => $"{chatId} 第{n}条"), texts.Where(t => t.StartsWith(chatId + " ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task ASendHeldBackByTheRobotsLimitIsNotCountedAsAnAttempt()
    {
        var ct = TestTimeout.Token;
        await using var fake = await WeCom.FakeWeCom.StartAsync(ct, "--FakeWeCom:WebhookWindow=00:00:02", "--FakeWeCom:WebhookPermits=5");
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting, "--WeCom:Webhook:Window=00:00:02", "--WeCom:Webhook:PermitsPerWindow=5");
        await OutboxRows.BindGroupsAsync(host, Grid, [("wrkHeld", "held-robot-1")], ct);

        var ids = await OutboxRows.EnqueueAsync(host, Enumerable.Range(1, 12).Select(i => ("wrkHeld", $"通知 {i}")), ct);
        var rows = await OutboxRows.WaitForFinalAsync(host, ids, ct);

        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        var stats = await fake.StatsAsync(ct);
        Assert.Equal(12, stats["requests"]!["webhook/send 0"]!.GetValue<int>());
        Assert.Null(stats["requests"]!["webhook/send 45009"]);
        var texts = (await fake.RecordsAsync("webhook/send", ct)).Select(r => r["body"]!["text"]!["content"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"通知 {i}"), texts);
    }

    private static async Task WaitForFirstAttemptAsync(GridBotTestHost host, long id, CancellationToken cancellationToken)
    {
        while (await host.QueryAsync(db => db.Outbox.Where(o => o.Id == id).Select(o => o.Attempts).SingleAsync(cancellationToken)) == 0)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private static (OutboxDispatcher Dispatcher, CountingSender Counter) Dispatcher(GridBotTestHost host, OutboxOptions settings)
    {
        var counter = new CountingSender(host.Services.GetServices<IChannelSender>().Single(s => s.Channel == "wecom"));
        var scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
        var writers = host.Services.GetRequiredService<GridBot.Store.Turns.WriterGate>();
        var recorder = new OutboxRecorder(scopes, writers, Options.Create(settings), TimeProvider.System,
            host.Services.GetRequiredService<GridBot.Dialogs.Telemetry.GridBotTelemetry>(), host.Services.GetRequiredService<ILogger<OutboxRecorder>>());
        var dispatcher = new OutboxDispatcher(scopes, [counter], recorder, writers, Options.Create(settings),
            TimeProvider.System, host.Services.GetRequiredService<ILogger<OutboxDispatcher>>());
        return (dispatcher, counter);
    }

    /// <summary>The real sender, counted: which dispatcher sent how many.</summary>
    private sealed class CountingSender(IChannelSender inner) : IChannelSender
    {
        private int _sends;

        public int Sends => _sends;

        public string Channel => inner.Channel;

        public Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sends);
            return inner.SendAsync(message, cancellationToken);
        }
    }
}
