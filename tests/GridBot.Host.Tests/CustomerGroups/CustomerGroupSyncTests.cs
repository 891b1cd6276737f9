using System.Net.Http.Json;
using FakeServer = GridBot.Host.Tests.WeCom.FakeWeCom;
using GridBot.FakeWeCom;
using GridBot.Host.Cli;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Kf;
using GridBot.Host.Tests.WeCom;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.CustomerGroups;

public sealed class CustomerGroupSyncTests
{
    [Fact]
    public async Task SyncGroupsBindsByNameRuleThenOwnerCountsResidentsAndARerunUpdates()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeServer.StartAsync(ct);
        string[] settings =
        [
            .. WeComSimulator.AppSettings(fake),
            "--WeCom:CustomerGroups:NameRules:0:Pattern=第二网格", "--WeCom:CustomerGroups:NameRules:0:Grid=DEMO-S01-C01-G02",
        ];
        await using var host = await GridBotTestHost.StartAsync(ct, settings);
        await KfSimulator.BindStaffAsync(host, "wecom-leader-wang", "王芳", "Leader", ct);
        await PutGroupsAsync(fake, ct,
            Group("wrGroupA", "幸福里一网格居民群", "wecom-leader-wang", residents: 3),
            Group("wrGroupB", "幸福里第二网格居民群", "wecom-leader-wang", residents: 2),
            Group("wrGroupC", "别人的群", "someone-else", residents: 9));
        string[] verb = ["wecom", "sync-groups", $"--ConnectionStrings:GridBot=Data Source={host.DatabasePath}", .. settings];

        Assert.Equal(0, await CliCommands.RunAsync(verb, ct));
        await PutGroupsAsync(fake, ct, Group("wrGroupA", "幸福里一网格居民群", "wecom-leader-wang", residents: 5));
        Assert.Equal(0, await CliCommands.RunAsync(verb, ct));

        var groups = await host.QueryAsync(db => db.CustomerGroups.OrderBy(g => g.ChatId)
            .Select(g => new { g.ChatId, Grid = db.Grids.Where(x => x.Id == g.GridId).Select(x => x.Code).FirstOrDefault(), g.ResidentCount, g.MemberCount }).ToListAsync(ct));
        Assert.Equal(2, groups.Count);
        Assert.Equal(("wrGroupA", "DEMO-S01-C01-G01", 5, 6), (groups[0].ChatId, groups[0].Grid, groups[0].ResidentCount, groups[0].MemberCount));
        Assert.Equal(("wrGroupB", "DEMO-S01-C01-G02", 2, 3), (groups[1].ChatId, groups[1].Grid, groups[1].ResidentCount, groups[1].MemberCount));
        Assert.All(await fake.RecordsAsync("externalcontact/groupchat/list", ct), r => Assert.Equal(0, r["errcode"]!.GetValue<int>()));
    }

    private static FakeGroupChat Group(string chatId, string name, string owner, int residents) => new()
    {
        ChatId = chatId, Name = name, Owner = owner,
        Members = [new FakeGroupChatMember { Userid = owner, Type = 1 }, .. Enumerable.Range(1, residents).Select(i => new FakeGroupChatMember { Userid = $"wm{chatId}{i}" })],
    };

    private static async Task PutGroupsAsync(FakeServer fake, CancellationToken cancellationToken, params FakeGroupChat[] groups)
    {
        using var response = await fake.Http.PostAsJsonAsync("/_fake/groupchats", groups, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
