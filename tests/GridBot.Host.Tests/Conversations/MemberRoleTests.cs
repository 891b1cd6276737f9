using System.Text.Json.Nodes;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Conversations;

/// <summary>
/// The speaker's roles come from memory (Memberships): a role changed by import, or a membership a turn created, must
/// reach that person's next turn in this process.
/// </summary>
public sealed class MemberRoleTests
{
    private const string Group = "demo-c01-g01";
    private const string Grid = "DEMO-S01-C01-G01";
    private const string StaffOnly = "网格员、网格长使用的功能";

    [Fact]
    public async Task AResidentPromotedToLeaderDispatchesOnTheNextTurnAndLosesItTheTurnAfterADemotion()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var zhou = Person.Resident("周建国");
        var number = (await chat.SayAsync(zhou, "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;
        var order = $"派工单 {number} @物业公司 截止 {DateTime.UtcNow.AddDays(20):yyyy-MM-dd}";

        var asResident = await chat.SayAsync(zhou, order, ct);
        await SetRoleAsync(host, zhou, MemberRole.Leader, ct);
        var asLeader = await chat.SayAsync(zhou, order, ct);
        await SetRoleAsync(host, zhou, MemberRole.Worker, ct);
        var asWorker = await chat.SayAsync(zhou, order, ct);
        await SetRoleAsync(host, zhou, MemberRole.Resident, ct);
        var asResidentAgain = await chat.SayAsync(zhou, order, ct);

        Assert.Contains(StaffOnly, asResident.Text);
        Assert.Contains("已下派派工单", asLeader.Text);
        Assert.Contains("派工单由网格长", asWorker.Text);
        Assert.Contains(StaffOnly, asResidentAgain.Text);
    }

    [Fact]
    public async Task AStrangerWhoFirstSpeaksInTheGroupIsKnownInPrivateOnTheNextTurn()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var wu = Person.Resident("吴阿婆");
        var inPrivate = host.Private(wu.Id);

        var before = await inPrivate.SayAsync(wu, "帮助", ct);
        await host.Chat(Group).SayAsync(wu, "5号楼东门的路灯不亮了", ct);
        var after = await inPrivate.SayAsync(wu, "帮助", ct);

        Assert.Contains("还没有您的登记信息", before.Text);
        Assert.DoesNotContain("还没有您的登记信息", after.Text);
    }

    [Fact]
    public async Task AMembershipAnotherProcessMadeIsNotAddedAgainWhenThePersonSpeaksInThatGroup()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var wu = Person.Resident("吴阿婆");
        var before = await host.Private(wu.Id).SayAsync(wu, "帮助", ct);
        // Written past this process's EF saves, as the import verb or a second host would: nothing here forgets.
        await host.QueryAsync(async db =>
        {
            var gridId = await db.Grids.Where(g => g.Code == Grid).Select(g => g.Id).SingleAsync(ct);
            return await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "Members" ("Channel", "UserId", "Name", "GridId", "Role") VALUES ({ChatScript.Channel}, {wu.Id}, {wu.Name}, {gridId}, 'Resident')""", ct);
        });

        var report = await host.Chat(Group).SayAsync(wu, "5号楼东门的路灯不亮了", ct);

        Assert.Contains("还没有您的登记信息", before.Text);
        Assert.Contains(report.TicketNumber, report.Text);
        Assert.Equal(1, await host.QueryAsync(db => db.Members.CountAsync(m => m.UserId == wu.Id, ct)));
    }

    private static async Task SetRoleAsync(GridBotTestHost host, Person who, MemberRole role, CancellationToken cancellationToken)
    {
        var member = new JsonObject
        {
            ["channel"] = ChatScript.Channel, ["userId"] = who.Id, ["name"] = who.Name, ["grid"] = Grid,
            ["role"] = role.ToString(),
        };
        var report = await host.ImportAsync(new JsonObject { ["members"] = new JsonArray(member) }, cancellationToken);
        Assert.True(report.Succeeded, report.Describe());
    }
}
