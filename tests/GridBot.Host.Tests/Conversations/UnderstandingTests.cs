using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Conversations;

public sealed class UnderstandingTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task ASecondReportOfTheSameProblemJoinsTheOpenTicketAndBothAreToldAtClosure()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var first = Person.Resident("张阿姨");
        var second = Person.Resident("李大爷");
        var number = (await chat.SayAsync(first, "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;

        var merged = await chat.SayAsync(second, "3号楼2单元楼道的灯坏了，晚上黑乎乎的", ct);
        var closed = await chat.SayAsync(Person.LeaderWang, $"办结 {number} 已更换灯泡", ct);

        Assert.Contains($"已并入工单 {number}", merged.Text);
        Assert.Contains("共 2 位居民反映", merged.Text);
        Assert.Contains("@张阿姨", closed.Text);
        Assert.Contains("@李大爷", closed.Text);
        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Reporters).SingleAsync(ct));
        Assert.Equal(2, ticket.Reporters.Count);
    }

    [Fact]
    public async Task TheSameResidentReportingAgainIsToldItIsBeingHandled()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var resident = Person.Resident("急性子");
        var number = (await chat.SayAsync(resident, "6号楼门口垃圾好几天没人清运，臭得很", ct)).TicketNumber;

        // Said again without impatience: a repeat report. ("…还是没人清运" is an urge: FollowUpTests.)
        var again = await chat.SayAsync(resident, "6号楼门口的垃圾好几天没清运了，太臭了", ct);

        Assert.Contains($"您已反映过这个问题（工单 {number}", again.Text);
        Assert.Equal(1, await host.QueryAsync(db => db.TicketReporters.CountAsync(ct)));
    }

    [Fact]
    public async Task ReportsOfDifferentPlacesNeverMerge()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);

        await chat.SayAsync(Person.Resident("甲"), "5号楼楼道灯坏了好几天了", ct);
        var other = await chat.SayAsync(Person.Resident("乙"), "7号楼楼道灯坏了好几天了", ct);

        Assert.DoesNotContain("已并入", other.Text);
        Assert.Equal(2, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task ALeaderSplitsAWrongMergeIntoItsOwnTicket()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var number = (await chat.SayAsync(Person.Resident("张阿姨"), "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;
        await chat.SayAsync(Person.Resident("王叔"), "3号楼2单元楼道灯也不亮，楼梯扶手也松了", ct);

        var split = await chat.SayAsync(Person.LeaderWang, $"拆分 {number}", ct);

        Assert.Contains("王叔", split.Text);
        var tickets = await host.QueryAsync(db => db.Tickets.Include(t => t.Reporters).Include(t => t.Events).OrderBy(t => t.Id).ToListAsync(ct));
        Assert.Equal(2, tickets.Count);
        Assert.Equal("张阿姨", Assert.Single(tickets[0].Reporters).Name);
        Assert.Equal("王叔", Assert.Single(tickets[1].Reporters).Name);
        Assert.Equal("3号楼2单元楼道灯也不亮，楼梯扶手也松了", tickets[1].Description);
        Assert.Contains(tickets[0].Events, e => e.Action == TicketAction.Split);
    }

    [Fact]
    public async Task ALeaderCorrectsTheCategoryAndTheCorrectionIsRecorded()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var number = (await chat.SayAsync(Person.Resident("钱"), "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;

        var unknown = await chat.SayAsync(Person.LeaderWang, $"重新分类 {number} 外星人", ct);
        var corrected = await chat.SayAsync(Person.LeaderWang, $"重新分类 {number} 安全隐患", ct);

        Assert.Contains("没有“外星人”这个类别", unknown.Text);
        Assert.Contains("改为“安全隐患”", corrected.Text);
        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Events).SingleAsync(ct));
        Assert.Equal("安全隐患", ticket.Category);
        Assert.Contains(ticket.Events, e => e.Action == TicketAction.Recategorize && e.Note == "民生服务 → 安全隐患");
    }
}
