using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Reminders;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Schedules;
using GridBot.Store;
using GridBot.Store.Outbox;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.BotFramework;

/// <summary>Proactive messages to groups on a Bot Framework channel, through the fake connector and its faults.</summary>
public sealed class BotFrameworkDeliveryTests
{
    private static readonly string[] Groups = ["demo-c01-g01", "demo-c01-g02", "demo-c01-g03"];
    private const string Silent = "demo-c01-g04";

    [Fact]
    public async Task AnnouncementHuddleAndClosureNoticeReachEachDirectlineGroupOnceAndASilentGroupFailsWithTheReason()
    {
        var ct = TestTimeout.Token;
        await using var bf = await FakeBotFrameworkService.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, [.. bf.HostSettings, "--Schedules:Enabled=true"]);
        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE Chats SET Channel = 'directline' WHERE ChatId IN ('demo-c01-g01', 'demo-c01-g02', 'demo-c01-g03', 'demo-c01-g04')", ct));
        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Members SET Channel = 'directline' WHERE UserId = 'leader-c01-g01'", ct));
        foreach (var group in Groups)
        {
            await SayAsync(host, bf, host.Chat(group), Person.Resident("居民"), "帮助", ct);
        }

        var reported = await SayAsync(host, bf, host.Chat(Groups[0]), Person.Resident("张阿姨"), "6号楼楼下路灯不亮了好几天", ct);
        var number = System.Text.RegularExpressions.Regex.Match(reported.Activity.Text!, @"GD\d{8}-\d{4}").Value;
        // Closed from the leader's private chat, so the reporters' group is told by a proactive message.
        await SayAsync(host, bf, host.Private(Person.LeaderWang.Id), Person.LeaderWang, $"办结 {number[^4..]} 已更换灯泡", ct);

        using var api = new HttpClient { BaseAddress = host.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);
        var created = await api.PostAsJsonAsync("/api/announcements", new { title = "停水通知", body = "周五9:00至12:00停水，请提前储水。", targets = new[] { "DEMO-S01-C01" } }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var announcement = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("number").GetInt32();
        await host.RunAsync<DailyHuddleService, ScheduleRunResult>(s => s.RunAsync(Beijing.Utc("2026-11-26 17:30"), TimeSpan.Zero, ct));

        await WaitUntilSettledAsync(host, ct);
        var received = bf.Activities.ToList();
        var rows = await host.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Channel == "directline")
            .Select(o => $"{o.ConversationId} {o.Status} {o.LastError} {o.Text.Substring(0, 12)}").ToListAsync(ct));
        Assert.True(Groups.All(g => received.Any(a => a.ConversationId == g && a.Activity.Text!.Contains("停水通知"))
            && received.Any(a => a.ConversationId == g && a.Activity.Text!.StartsWith("【日碰头例会】", StringComparison.Ordinal))), string.Join("\n", rows));
        var seen = string.Join("\n", received.Select(a => $"{a.Path} {a.Activity.Text![..Math.Min(30, a.Activity.Text!.Length)]}"));
        foreach (var group in Groups)
        {
            Assert.True(1 == received.Count(a => a.ConversationId == group && a.Activity.Text!.Contains("停水通知")), seen);
            Assert.True(1 == received.Count(a => a.ConversationId == group && a.Activity.Text!.StartsWith("【日碰头例会】", StringComparison.Ordinal)), seen);
        }

        var closure = Assert.Single(received, a => a.Path == $"/v3/conversations/{Groups[0]}/activities" && a.Activity.Text!.Contains($"（工单 {number}）已办结"));
        Assert.Equal("plain", closure.Activity.TextFormat);
        Assert.DoesNotContain(received, a => a.ConversationId == Silent);

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/announcements/{announcement}", ct);
        var silent = detail.GetProperty("chats").EnumerateArray().Single(c => c.GetProperty("chat").GetString()!.Contains("第四网格"));
        Assert.Equal("Failed", silent.GetProperty("status").GetString());
        Assert.Contains("没有会话引用", silent.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task TheConnectorsFaultsAreRetriedOrRecordedARejectedTokenIsRenewedAndMarkdownAndImagesKeepTheirForm()
    {
        var ct = TestTimeout.Token;
        await using var bf = await FakeBotFrameworkService.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, bf.HostSettings);
        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Chats SET Channel = 'directline' WHERE ChatId = 'demo-c01-g01'", ct));
        await SayAsync(host, bf, host.Chat(Groups[0]), Person.Resident("居民"), "帮助", ct);
        var tokens = bf.TokenRequests;

        bf.FailNext(429);
        bf.RevokeTokens();
        await EnqueueAsync(host, "第一条", ct);
        var first = await bf.WaitForAsync(r => r.Any(a => a.Activity.Text == "第一条"), ct);
        Assert.Equal(tokens + 1, bf.TokenRequests);
        var row = await host.QueryAsync(db => db.Outbox.SingleAsync(o => o.Text == "第一条", ct));
        Assert.Equal((OutboxStatus.Sent, 2), (row.Status, row.Attempts));

        bf.FailNext(403);
        await EnqueueAsync(host, "第二条", ct);
        var failed = await WaitForRowAsync(host, "第二条", OutboxStatus.Failed, ct);
        Assert.StartsWith("HTTP 403 BotNotInConversationRoster", failed.LastError);
        Assert.Single(first, a => a.Activity.Text == "第一条");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var messenger = scope.ServiceProvider.GetRequiredService<ProactiveMessenger>();
            messenger.EnqueueMarkdown("directline", Groups[0], "**本周周报**");
            messenger.EnqueueImage("directline", Groups[0], "周报图表", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
            await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().SaveChangesAsync(ct);
        }

        var rich = await bf.WaitForAsync(r => r.Any(a => a.Activity.Text == "周报图表"), ct);
        Assert.Equal("markdown", rich.Single(a => a.Activity.Text == "**本周周报**").Activity.TextFormat);
        var chart = Assert.Single(rich.Single(a => a.Activity.Text == "周报图表").Activity.Attachments!);
        Assert.Equal("image/png", chart.ContentType);
        Assert.StartsWith("data:image/png;base64,", chart.ContentUrl);
    }

    private static async Task EnqueueAsync(GridBotTestHost host, string text, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ProactiveMessenger>().Enqueue("directline", Groups[0], null, text);
        await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().SaveChangesAsync(ct);
    }

    private static async Task<FakeBotFrameworkService.Received> SayAsync(GridBotTestHost host, FakeBotFrameworkService bf, ChatScript chat, Person who, string text, CancellationToken ct)
    {
        var activity = chat.Build(who, text);
        activity.ChannelId = "directline";
        activity.ServiceUrl = bf.ServiceUrl;
        activity.DeliveryMode = null;
        activity.Recipient = new ChannelAccount { Id = "bot-on-directline", Name = "网格小助手" };
        var response = await host.PostBotFrameworkAsync(activity, bf.Sign(), ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var replies = await bf.WaitForAsync(r => r.Any(a => a.Activity.ReplyToId == activity.Id), ct);
        return replies.First(a => a.Activity.ReplyToId == activity.Id);
    }

    private static async Task WaitUntilSettledAsync(GridBotTestHost host, CancellationToken ct)
    {
        while (await host.QueryAsync(db => db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending, ct)))
        {
            await Task.Delay(50, ct);
        }
    }

    private static async Task<OutboxMessage> WaitForRowAsync(GridBotTestHost host, string text, OutboxStatus status, CancellationToken ct)
    {
        while (true)
        {
            var row = await host.QueryAsync(db => db.Outbox.AsNoTracking().SingleOrDefaultAsync(o => o.Text == text && o.Status == status, ct));
            if (row is not null)
            {
                return row;
            }

            await Task.Delay(50, ct);
        }
    }
}
