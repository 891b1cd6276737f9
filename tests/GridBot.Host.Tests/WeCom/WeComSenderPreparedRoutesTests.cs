using GridBot.Host.Outbox;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Outbox;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.WeCom;

/// <summary>The robot keys read for one claim's rows serve that claim's sends; the sender itself keeps nothing per row.</summary>
public sealed class WeComSenderPreparedRoutesTests
{
    private const string Grid = "DEMO-S01-C01-G01";

    [Fact]
    public async Task TheRoutesReadForAClaimServeItsSendsAndARowItNeverSentIsNotHeldByTheSender()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        // The host's own dispatcher polls once a minute: the rows below are sent only by this test.
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting, "--Outbox:PollInterval=00:01:00");
        await OutboxRows.BindGroupsAsync(host, Grid, [("wrkRouteA", "route-robot-a"), ("wrkRouteB", "route-robot-b")], ct);
        var ids = await OutboxRows.EnqueueAsync(host, [("wrkRouteA", "甲"), ("wrkRouteB", "乙")], ct);
        var rows = await host.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct));
        var sender = host.Services.GetServices<IChannelSender>().Single(s => s.Channel == "wecom");

        // One claim: both rows prepared, only the first sent (the claim of the second is lost: a stop, a lease run out).
        var claim = await sender.PrepareAsync(rows, ct);
        Assert.Equal(SendOutcome.Sent, await claim.SendAsync(rows[0], ct));
        // Group B's robot is replaced; a later send of the second row (unprepared here) takes the key of now, not one
        // the sender kept from the lost claim.
        await OutboxRows.BindGroupsAsync(host, Grid, [("wrkRouteB", "route-robot-b2")], ct);
        Assert.Equal(SendOutcome.Sent, await sender.SendAsync(rows[1], ct));

        var targets = (await fake.RecordsAsync("webhook/send", ct)).Select(r => r["target"]!.GetValue<string>());
        Assert.Equal(["route-robot-a", "route-robot-b2"], targets);
    }
}
