using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Outbox;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Conversations;

public sealed class LeaderCommandTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task LeaderAcceptsAssignsAndClosesThenTheResidentIsToldAndRates()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var zhang = Person.Resident("张阿姨");
        var number = (await chat.SayAsync(zhang, "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;
        var tail = number[^4..];

        var list = await chat.SayAsync(Person.LeaderWang, "工单", ct);
        Assert.Contains(number, list.Text);

        Assert.Contains("已受理", (await chat.SayAsync(Person.LeaderWang, $"受理 {tail}", ct)).Text);
        var assigned = await chat.SayAsync(Person.LeaderWang, $"派单 {tail} @李明", ct);
        Assert.Contains("@李明", assigned.Text);
        Assert.Contains(assigned.Activities.SelectMany(a => a.Entities ?? []), e => e.Mentioned?.Id == Person.WorkerLi.Id);

        var closed = await chat.SayAsync(Person.LeaderWang, $"办结 {tail} 已更换灯泡", ct);
        Assert.Contains("@张阿姨", closed.Text);
        Assert.Contains("已更换灯泡", closed.Text);
        Assert.Contains("满意", closed.Text);

        var thanks = await chat.SayAsync(zhang, "满意", ct);
        Assert.Contains("感谢您的评价", thanks.Text);

        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Events).SingleAsync(ct));
        Assert.Equal(TicketStatus.Rated, ticket.Status);
        Assert.Equal(TicketRating.Satisfied, ticket.Rating);
        Assert.Equal("李明", ticket.OwnerName);
        Assert.Equal(
            [TicketAction.Create, TicketAction.Accept, TicketAction.Assign, TicketAction.Resolve, TicketAction.Rate],
            ticket.Events.OrderBy(e => e.Id).Select(e => e.Action));
    }

    [Fact]
    public async Task EnglishAliasesAndSlashPrefixesWork()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var number = (await chat.SayAsync(Person.Resident("钱女士"), "6号楼楼下垃圾堆了好几天，臭得很", ct)).TicketNumber;

        Assert.Contains(number, (await chat.SayAsync(Person.LeaderWang, "/tickets", ct)).Text);
        Assert.Contains("@李明", (await chat.SayAsync(Person.LeaderWang, $"/assign {number} @李明", ct)).Text);
        Assert.Contains("已办结", (await chat.SayAsync(Person.WorkerLi, $"#办结 {number[^4..]} 已清运", ct)).Text);
        Assert.Equal(TicketStatus.Resolved, await host.QueryAsync(db => db.Tickets.Select(t => t.Status).SingleAsync(ct)));
    }

    [Fact]
    public async Task AResidentIsPolitelyRefusedALeaderCommandAndHelpShowsOnlyTheirOwn()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var resident = Person.Resident("吴先生");
        var number = (await chat.SayAsync(resident, "3号楼2单元楼道灯坏了", ct)).TicketNumber;

        var refused = await chat.SayAsync(resident, $"派单 {number} @李明", ct);
        var residentHelp = await chat.SayAsync(resident, "帮助", ct);
        var leaderHelp = await chat.SayAsync(Person.LeaderWang, "帮助", ct);

        Assert.Contains("网格员、网格长使用", refused.Text);
        Assert.Equal(TicketStatus.New, await host.QueryAsync(db => db.Tickets.Select(t => t.Status).SingleAsync(ct)));
        Assert.DoesNotContain("派单", residentHelp.Text);
        Assert.Contains("进度", residentHelp.Text);
        Assert.Contains("派单", leaderHelp.Text);
        Assert.Contains("统计", leaderHelp.Text);
    }

    [Fact]
    public async Task EscalationClimbsFromGridToCommunityToStreetAndNoFurther()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var number = (await host.Chat(Group).SayAsync(Person.Resident("郑先生"), "8号楼外墙瓷砖松动，随时可能掉下来", ct)).TicketNumber;

        var toCommunity = await host.Chat(Group).SayAsync(Person.LeaderWang, $"升级 {number} 需要物业和住建协调", ct);
        Assert.Contains("已升级到社区", toCommunity.Text);

        var toStreet = await host.Chat("demo-c01-staff").SayAsync(Person.CommunityZhao, $"升级 {number} 涉及多个部门", ct);
        Assert.Contains("已升级到街道", toStreet.Text);

        var refused = await host.Chat("demo-s01-staff").SayAsync(Person.StreetSun, $"升级 {number} 再往上", ct);
        Assert.Contains("大事不出街道", refused.Text);

        var ticket = await host.QueryAsync(db => db.Tickets.SingleAsync(ct));
        Assert.Equal(TicketTier.Street, ticket.Tier);
        var notices = await host.QueryAsync(db => db.Outbox.Where(o => o.Text.Contains("【升级工单】")).Select(o => o.ConversationId).ToListAsync(ct));
        Assert.Contains("demo-c01-staff", notices);
        Assert.Contains("demo-s01-staff", notices);
    }

    [Fact]
    public async Task UnsatisfiedRatingReopensTheTicketForTheSameOwner()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var resident = Person.Resident("冯阿姨");
        var number = (await chat.SayAsync(resident, "2号楼水管漏水好几天了", ct)).TicketNumber;
        await chat.SayAsync(Person.LeaderWang, $"派单 {number} @李明", ct);
        await chat.SayAsync(Person.WorkerLi, $"办结 {number} 已维修", ct);

        var reply = await chat.SayAsync(resident, "不满意", ct);

        Assert.Contains("重新交办", reply.Text);
        var ticket = await host.QueryAsync(db => db.Tickets.SingleAsync(ct));
        Assert.Equal(TicketStatus.Reopened, ticket.Status);
        Assert.Equal("李明", ticket.OwnerName);
        Assert.Contains("已办结", (await chat.SayAsync(Person.WorkerLi, $"办结 {number} 已更换整段水管", ct)).Text);
    }

    [Fact]
    public async Task AnIllegalMoveIsRefusedWithTheCurrentStatus()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var number = (await chat.SayAsync(Person.Resident("褚先生"), "4号楼垃圾桶满了没人清", ct)).TicketNumber;
        await chat.SayAsync(Person.LeaderWang, $"办结 {number} 已清理", ct);

        var again = await chat.SayAsync(Person.LeaderWang, $"办结 {number} 再办一次", ct);
        var accept = await chat.SayAsync(Person.LeaderWang, $"受理 {number}", ct);

        Assert.Contains("不能办结", again.Text);
        Assert.Contains("已办结", again.Text);
        Assert.Contains("不能受理", accept.Text);
    }

    [Fact]
    public async Task ALeaderClosingFromAPrivateChatTellsTheResidentInTheGroupThroughTheOutbox()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var number = (await host.Chat(Group).SayAsync(Person.Resident("卫女士"), "5号楼1单元门禁坏了", ct)).TicketNumber;

        var ack = await host.Private(Person.LeaderWang.Id).SayAsync(Person.LeaderWang, $"办结 {number} 已修好门禁", ct);

        Assert.Contains("已通知反映人", ack.Text);
        var feed = await PollFeedAsync(host, Group, ct);
        Assert.Contains("@卫女士", feed);
        Assert.Contains("已修好门禁", feed);
    }

    [Fact]
    public async Task TicketsCanBeNamedByAnUnambiguousTail()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var first = (await chat.SayAsync(Person.Resident("甲"), "1号楼楼道灯不亮了", ct)).TicketNumber;
        await chat.SayAsync(Person.Resident("乙"), "2号楼楼道灯不亮了", ct);

        var shown = await chat.SayAsync(Person.LeaderWang, "详情 1", ct);
        var unknown = await chat.SayAsync(Person.LeaderWang, "详情 9999", ct);

        Assert.Contains(first, shown.Text);
        Assert.Contains("没有找到", unknown.Text);
    }

    [Fact]
    public async Task StatsCountWhatHappenedToday()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var number = (await chat.SayAsync(Person.Resident("蒋"), "9号楼下水道堵了，污水冒出来", ct)).TicketNumber;
        await chat.SayAsync(Person.Resident("沈"), "10号楼楼道灯坏了", ct);
        await chat.SayAsync(Person.LeaderWang, $"办结 {number} 已疏通", ct);

        var stats = await chat.SayAsync(Person.LeaderWang, "统计 今日", ct);

        Assert.Contains("新登记：2 件", stats.Text);
        Assert.Contains("办结：1 件", stats.Text);
        Assert.Contains("未办结：1 件", stats.Text);
    }

    private static async Task<string> PollFeedAsync(GridBotTestHost host, string chatId, CancellationToken ct)
    {
        // The outbox dispatcher runs every 50 ms in tests; wait until the row is marked sent.
        for (var i = 0; i < 100; i++)
        {
            var sent = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == chatId && o.Status == OutboxStatus.Sent).Select(o => o.Text).ToListAsync(ct));
            if (sent.Count > 0)
            {
                var feed = await host.Http.GetStringAsync($"/api/webchat/conversations/{chatId}/activities?after=0", ct);
                return System.Text.RegularExpressions.Regex.Unescape(feed);
            }

            await Task.Delay(50, ct);
        }

        throw new Xunit.Sdk.XunitException("The outbox never delivered the notice.");
    }
}
