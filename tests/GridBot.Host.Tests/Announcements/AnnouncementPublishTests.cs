using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Announcements;

public sealed class AnnouncementPublishTests
{
    private const string C01 = "DEMO-S01-C01";

    [Fact]
    public async Task ALeaderAnnouncesInTheGroupAfterSeeingTheReachAndConfirming()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var group = host.Chat("demo-c01-g01");

        var asked = await group.SayAsync(Person.LeaderWang, "公告 关于城乡居民医保缴费的通知\n2027年度医保缴费截止12月31日，可在社区服务站办理。", ct);
        Assert.Contains("将发送到 1 个群（1 个网格）", asked.Text);
        Assert.Equal(0, await host.QueryAsync(db => db.Announcements.CountAsync(ct)));

        var other = await group.SayAsync(Person.LeaderWang, "稍等", ct);
        Assert.Contains("还没有发送", other.Text);
        var done = await group.SayAsync(Person.LeaderWang, "确认", ct);

        Assert.Contains("已发布公告 1", done.Text);
        var rows = await host.QueryAsync(db => db.Outbox.Where(o => o.Text.StartsWith("【公告 1】")).ToListAsync(ct));
        var row = Assert.Single(rows);
        Assert.Equal("demo-c01-g01", row.ConversationId);
        Assert.Contains("医保缴费截止12月31日", row.Text);
        Assert.Contains("请回复“收到”", row.Text);
        Assert.Equal(1, await host.QueryAsync(db => db.AnnouncementDeliveries.CountAsync(ct)));
    }

    [Fact]
    public async Task AResidentOrAWorkerCannotAnnounceAndCancelSendsNothing()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var group = host.Chat("demo-c01-g01");

        Assert.Contains("网格员、网格长使用的功能", (await group.SayAsync(Person.Resident("刘"), "公告 明天停水", ct)).Text);
        Assert.Contains("由网格长或社区、街道工作人员发布", (await group.SayAsync(Person.WorkerLi, "公告 明天停水", ct)).Text);
        await group.SayAsync(Person.LeaderWang, "公告 明天停水", ct);
        Assert.Contains("已取消", (await group.SayAsync(Person.LeaderWang, "取消", ct)).Text);

        Assert.Equal(0, await host.QueryAsync(db => db.Announcements.CountAsync(ct)));
    }

    [Fact]
    public async Task TheApiPreviewsTheReachOfASubtreeWithoutWritingThenPublishesToEveryChatOfIt()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var (previewStatus, preview) = await AnnouncementApi.PostAsync(host, "/api/announcements",
            new { title = "冬季防火安全提示", body = "请勿在楼道堆放杂物。", targets = new[] { C01 }, dryRun = true }, ct);
        Assert.Equal(200, previewStatus);
        // Five grid chats and the community's staff chat.
        Assert.Equal(6, preview.GetProperty("chats").GetInt32());
        Assert.Equal(6, preview.GetProperty("grids").GetInt32());
        Assert.Equal(0, await host.QueryAsync(db => db.Announcements.CountAsync(ct)));

        var number = await AnnouncementApi.PublishAsync(host, "冬季防火安全提示", "请勿在楼道堆放杂物。", [C01], requireAck: false, ct);

        var chats = await host.QueryAsync(db => db.Outbox.Where(o => o.Text.StartsWith($"【公告 {number}】")).Select(o => o.ConversationId).ToListAsync(ct));
        Assert.Equal(["demo-c01-g01", "demo-c01-g02", "demo-c01-g03", "demo-c01-g04", "demo-c01-g05", "demo-c01-staff"], chats.Order());
        Assert.DoesNotContain(chats, c => c.StartsWith("demo-c02", StringComparison.Ordinal));
        var detail = await WaitUntilSentAsync(host, number, 6, ct);
        Assert.Equal(6, detail.GetProperty("delivery").GetProperty("sent").GetInt32());
        Assert.All(detail.GetProperty("chats").EnumerateArray(), c => Assert.Equal(1, c.GetProperty("attempts").GetInt32()));
        Assert.Equal(number, (await AnnouncementApi.GetAsync(host, "/api/announcements", ct)).Json[0].GetProperty("number").GetInt32());

        using var withdraw = new HttpRequestMessage(HttpMethod.Post, $"/api/announcements/{number}/withdraw");
        withdraw.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Http.SendAsync(withdraw, ct)).StatusCode);
        Assert.Equal(409, (await AnnouncementApi.PostAsync(host, $"/api/announcements/{number}/withdraw", new { by = "赵书记" }, ct)).Status);
        Assert.Equal(404, (await AnnouncementApi.PostAsync(host, "/api/announcements/999/withdraw", new { by = "赵书记" }, ct)).Status);
    }

    [Theory]
    [InlineData("", "正文", "DEMO-S01-C01", 400)]
    [InlineData("标题", "   ", "DEMO-S01-C01", 400)]
    [InlineData("标题", "正文", "NOPE", 400)]
    [InlineData("标题", "正文", "", 400)]
    public async Task BadRequestsAreRefusedWithAProblemAndWriteNothing(string title, string body, string target, int expected)
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var (status, problem) = await AnnouncementApi.PostAsync(host, "/api/announcements", new { title, body, targets = new[] { target } }, ct);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal(0, await host.QueryAsync(db => db.Announcements.CountAsync(ct)));
    }

    [Fact]
    public async Task AHugeBodyIs413AndNoTokenIs401()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var (status, _) = await AnnouncementApi.PostAsync(host, "/api/announcements", new { title = "长文", body = new string('政', 30_000), targets = new[] { C01 } }, ct);
        var anonymous = await host.Http.GetAsync("/api/announcements", ct);

        Assert.Equal(413, status);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task ALongBodyGoesOutInNumberedPartsEachWithinTheLimitWithNothingLost()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var body = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"第{i}条：居民可持身份证到社区服务站办理医保参保登记，咨询电话见公示栏。"));

        var number = await AnnouncementApi.PublishAsync(host, "医保参保办理指南", body, ["DEMO-S01-C01-G02"], requireAck: true, ct);

        var parts = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == "demo-c01-g02" && o.Text.StartsWith($"【公告 {number}】"))
            .OrderBy(o => o.Id).Select(o => o.Text).ToListAsync(ct));
        Assert.True(parts.Count >= 3, $"{parts.Count} parts");
        Assert.All(parts, p => Assert.True(System.Text.Encoding.UTF8.GetByteCount(p) <= 4096));
        Assert.All(parts.Select((p, i) => (p, i)), x => Assert.Contains($"（{x.i + 1}/{parts.Count}）", x.p));
        for (var i = 1; i <= 120; i++)
        {
            Assert.Single(parts, p => p.Contains($"第{i}条：", StringComparison.Ordinal));
        }

        Assert.Contains("请回复“收到”", parts[^1]);
    }

    internal static async Task<System.Text.Json.JsonElement> WaitUntilSentAsync(GridBotTestHost host, int number, int chats, CancellationToken ct)
    {
        while (true)
        {
            var (status, json) = await AnnouncementApi.GetAsync(host, $"/api/announcements/{number}", ct);
            Assert.Equal(200, status);
            if (json.GetProperty("delivery").GetProperty("sent").GetInt32() == chats)
            {
                return json;
            }

            await Task.Delay(50, ct);
        }
    }
}
