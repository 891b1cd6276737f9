using System.Runtime.CompilerServices;
using GridBot.Host.Outbox;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Outbox;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.WeCom;

/// <summary>The robot keys read for one claim's rows serve their sends and are not kept by the sender afterwards.</summary>
public sealed class WeComSenderPreparedRoutesTests
{
    private const string Grid = "DEMO-S01-C01-G01";

    [Fact]
    public async Task TheRoutesReadForAClaimServeItsSendsAndGoWithThemWhetherTheRowsWereSentOrNot()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeWeCom.StartAsync(ct);
        // The host's own dispatcher polls once a minute: the rows below are sent only by this test.
        await using var host = await GridBotTestHost.StartAsync(ct, fake.ApiBaseSetting, "--Outbox:PollInterval=00:01:00");
        await OutboxRows.BindGroupsAsync(host, Grid, [("wrkRouteA", "route-robot-a"), ("wrkRouteB", "route-robot-b")], ct);
        var ids = await OutboxRows.EnqueueAsync(host, [("wrkRouteA", "甲"), ("wrkRouteB", "乙")], ct);
        var rows = await host.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct));
        var sender = host.Services.GetServices<IChannelSender>().Single(s => s.Channel == "wecom");

        // Only the first row is sent: the second is a row whose claim was lost (a host stopping, a lease run out).
        var prepared = await PrepareAndSendFirstAsync(sender, rows, ct);
        Collect();

        Assert.Equal(SendOutcome.Sent, prepared.Outcome);
        Assert.Equal("route-robot-a", Assert.Single(await fake.RecordsAsync("webhook/send", ct))["target"]!.GetValue<string>());
        Assert.False(prepared.Routes.IsAlive, "the sender keeps the routes of a claim after its sends");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(SendOutcome Outcome, WeakReference Routes)> PrepareAndSendFirstAsync(IChannelSender sender, List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var routes = await sender.PrepareAsync(rows, cancellationToken);
        Assert.NotSame(sender, routes);
        var outcome = await routes.SendAsync(rows[0], cancellationToken);
        return (outcome, new WeakReference(routes));
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
