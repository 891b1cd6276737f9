using System.Net;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Coordination;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.WeCom;

/// <summary>A turn that misses the reply budget: a "处理中" stream at once, the answer later through response_url.</summary>
public sealed class AiBotSlowTurnTests
{
    private const string Group = "wrkSlowGroup01";

    [Fact]
    public async Task ATurnSlowerThanTheBudgetRepliesWithAStubAndDeliversTheAnswerThroughResponseUrl()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.Settings(fake.ApiBaseSetting, "--WeCom:AiBot:ReplyBudget=00:00:00.200"));
        var wecom = new WeComSimulator(host);
        await wecom.BindGroupAsync(Group, "DEMO-S01-C01-G01", ct);
        var message = WeComSimulator.GroupText("msg-slow-1", Group, "sunba", "@网格小助手 3号楼电梯坏了，困人了");
        message["response_url"] = new Uri(fake.Address, "cgi-bin/aibot/response?response_code=slow-1").ToString();

        // Another turn of the same group holds its lock, so this one cannot finish within the budget.
        var held = await host.Services.GetRequiredService<ITurnLock>().AcquireAsync($"wecom|{Group}", ct);
        WeComReply stub;
        try
        {
            stub = await wecom.PostAsync(message, ct);
        }
        finally
        {
            await held.DisposeAsync();
        }

        Assert.Equal(HttpStatusCode.OK, stub.Status);
        Assert.Contains("正在处理", stub.StreamContent);
        while ((await fake.RecordsAsync("aibot/response", ct)).Count == 0)
        {
            await Task.Delay(50, ct);
        }

        var answer = Assert.Single(await fake.RecordsAsync("aibot/response", ct));
        Assert.Equal(0, answer["errcode"]!.GetValue<int>());
        Assert.Equal("markdown", answer["body"]!["msgtype"]!.GetValue<string>());
        Assert.Matches(@"GD\d{8}-0001", answer["body"]!["markdown"]!["content"]!.GetValue<string>());
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
        Assert.Equal(OutboxStatus.Sent, (await host.QueryAsync(db => db.Outbox.SingleAsync(o => o.Channel == "wecom-aibot", ct))).Status);
    }
}
