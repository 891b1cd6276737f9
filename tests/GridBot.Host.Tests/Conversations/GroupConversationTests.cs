using GridBot.Dialogs.Core;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Conversations;

/// <summary>
/// Scenes of a real grid group: three residents and a leader talking at once, in their own words, with typos and
/// stickers. Each expected outcome was written before the scene was first run.
/// </summary>
public sealed class GroupConversationTests
{
    private const string Group = "demo-c01-g01";

    private static void AssertSilent(Reply reply) => Assert.True(reply.IsSilent, reply.Text);

    [Fact]
    public async Task ThreeResidentsEachKeepTheirOwnQuestionAndAnswersInPiecesJoinUp()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var zhang = Person.Resident("张阿姨");
        var li = Person.Resident("李大爷");
        var wang = Person.Resident("王女士");

        Assert.Contains("哪个楼栋", (await chat.SayAsync(zhang, "门口那个垃圾桶满出来了，臭死了", ct)).Text);
        Assert.Contains("哪个楼栋", (await chat.SayAsync(li, "楼道灯又不亮了😂晚上黑咕隆咚的", ct)).Text);
        AssertSilent(await chat.SayAsync(wang, "[表情]", ct));
        AssertSilent(await chat.SayAsync(Person.LeaderWang, "哈哈", ct));
        // Zhang talks about something else: not her place, and nothing to say in a group.
        AssertSilent(await chat.SayAsync(zhang, "今天的菜好贵啊", ct));
        // Wang's own words never fill Li's or Zhang's question.
        AssertSilent(await chat.SayAsync(wang, "是啊菜真贵", ct));
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));

        var liFiled = await chat.SayAsync(li, "在5栋", ct);
        var liNumber = liFiled.TicketNumber;
        var joined = await chat.SayAsync(li, "2单元门口", ct);
        Assert.Contains("5栋2单元门口", joined.Text);
        var zhangFiled = await chat.SayAsync(zhang, "小区东门那边", ct);

        var tickets = await host.QueryAsync(db => db.Tickets.Include(t => t.Reporters).Include(t => t.Events).OrderBy(t => t.Id).ToListAsync(ct));
        Assert.Equal(2, tickets.Count);
        var liTicket = tickets.Single(t => t.Number == liNumber);
        Assert.Equal(li.Id, Assert.Single(liTicket.Reporters).UserId);
        Assert.Equal("5栋2单元门口", liTicket.Place);
        Assert.Equal("5栋", liTicket.PlaceDetail.Building);
        Assert.Equal("民生服务", liTicket.Category);
        Assert.Contains(liTicket.Events, e => e.Action == TicketAction.AddPlace && e.Note == "5栋 → 5栋2单元门口");
        var zhangTicket = tickets.Single(t => t.Number == zhangFiled.TicketNumber);
        Assert.Equal(zhang.Id, Assert.Single(zhangTicket.Reporters).UserId);
        Assert.Equal("小区东门", zhangTicket.Place);
        Assert.Equal("环境卫生", zhangTicket.Category);
    }

    [Fact]
    public async Task UnrelatedRepliesAreNeverThePlaceAndTheQuestionLapsesWithoutATicket()
    {
        var ct = TestTimeout.Token;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await GridBotTestHost.StartAsync(time, null, ct, "--Schedules:Enabled=false");
        var chat = host.Chat(Group);
        var sun = Person.Resident("孙阿姨");
        var zhou = Person.Resident("周先生");

        Assert.Contains("哪个楼栋", (await chat.SayAsync(sun, "垃圾桶满出来了好几天了没人倒", ct)).Text);
        AssertSilent(await chat.SayAsync(sun, "哈哈哈今天天气真好", ct));
        AssertSilent(await chat.SayAsync(zhou, "明天降温了大家注意保暖", ct));
        AssertSilent(await chat.SayAsync(sun, "明天降温了大家注意保暖", ct));
        // Said to the bot: the open question is asked once more, then only the plain hint.
        var again = await chat.SayToBotAsync(sun, "今天的菜好贵啊", ct);
        Assert.Contains("还不知道具体位置", again.Text);
        var hint = await chat.SayToBotAsync(sun, "今天的菜好贵啊", ct);
        Assert.Contains("没太明白", hint.Text);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));

        time.Advance(TimeSpan.FromMinutes(11));
        AssertSilent(await chat.SayAsync(sun, "在5栋", ct));
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task ADirectAddressIsAlwaysAnsweredAndAPhoneInAReportIsMaskedEverywhere()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var qian = Person.Resident("钱奶奶");

        var filed = await chat.SayToBotAsync(qian, "我的电话是13812345678，6栋楼顶漏水好几天了", ct);
        Assert.Matches(@"GD\d{8}-\d{4}", filed.Text);
        Assert.DoesNotContain("13812345678", filed.Text);
        var ticket = await host.QueryAsync(db => db.Tickets.SingleAsync(ct));
        Assert.Equal("6栋楼顶", ticket.Place);
        Assert.DoesNotContain("13812345678", ticket.Place);

        Assert.False((await chat.SayToBotAsync(qian, "哈哈", ct)).IsSilent);
        Assert.Contains("没太明白", (await chat.SayToBotAsync(qian, "今天天气不错呀", ct)).Text);
        Assert.False((await chat.SayToBotAsync(qian, "", ct)).IsSilent);
        // The same words without the @ are not for the bot.
        AssertSilent(await chat.SayAsync(qian, "今天天气不错呀", ct));
        AssertSilent(await chat.SayAsync(qian, "谢谢", ct));

        // She spoke in the group, so she is known; in a private chat every message is for the bot.
        var dm = host.Private(qian.Id);
        var thanks = await dm.SayAsync(qian, "谢谢啦", ct);
        Assert.Contains("不客气", thanks.Text);
        Assert.False((await dm.SayAsync(qian, "[表情]", ct)).IsSilent);
        Assert.Contains("没太明白", (await dm.SayAsync(qian, "嗯嗯我想想", ct)).Text);
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task TwoProblemsInOneMessageBecomeTwoTicketsEachWithItsOwnCategoryAndPlace()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var wu = Person.Resident("吴先生");
        var he = Person.Resident("何阿姨");

        var filed = await chat.SayAsync(wu, "5栋电梯坏了，而且楼下垃圾也没人收", ct);
        Assert.Equal(2, filed.Activities.Count);
        var first = await host.QueryAsync(db => db.Tickets.OrderBy(t => t.Id).ToListAsync(ct));
        Assert.Collection(first,
            t => { Assert.Equal("民生服务", t.Category); Assert.Equal("5栋电梯", t.Place); },
            t => { Assert.Equal("环境卫生", t.Category); Assert.Equal("5栋楼下", t.Place); });

        // No place in either part: one question, and the answer serves both.
        Assert.Contains("哪个楼栋", (await chat.SayAsync(he, "电梯又停了，还有楼下垃圾没人收", ct)).Text);
        var both = await chat.SayAsync(he, "8号楼", ct);
        Assert.Equal(2, both.Activities.Count);
        var second = await host.QueryAsync(db => db.Tickets.Where(t => t.Reporters.Any(r => r.UserId == he.Id)).OrderBy(t => t.Id).ToListAsync(ct));
        Assert.Equal(["民生服务", "环境卫生"], second.Select(t => t.Category));
        Assert.All(second, t => Assert.Equal("8号楼", t.Place));
        Assert.All(second, t => Assert.True(t.DeadlineUtc > t.CreatedUtc));
    }

    [Fact]
    public async Task AResidentIsNeverQuizzedAboutTheCategoryAndHerPlaceAnswerIsTaken()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var ma = Person.Resident("马阿姨");

        var question = await chat.SayAsync(ma, "小区里有条流浪狗，今天还咬人了，吓死了", ct);
        Assert.DoesNotContain("1.", question.Text);
        Assert.DoesNotContain("数字", question.Text);
        Assert.Contains("哪个楼栋", question.Text);

        var filed = await chat.SayAsync(ma, "8栋门口", ct);

        Assert.Matches(@"GD\d{8}-\d{4}", filed.Text);
        var ticket = await host.QueryAsync(db => db.Tickets.SingleAsync(ct));
        Assert.Equal("8栋门口", ticket.Place);
        Assert.Equal("安全隐患", ticket.Category);
    }

    [Fact]
    public async Task LeadersAndWorkersSpeakInPlainWordsAboutTheReportJustMade()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var zheng = Person.Resident("郑大爷");
        var feng = Person.Resident("冯女士");

        var lamp = (await chat.SayAsync(zheng, "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;
        var assigned = await chat.SayAsync(Person.LeaderWang, "派单 @李明", ct);
        Assert.Contains("已派给您", assigned.Text);
        Assert.Contains(lamp, assigned.Text);

        var bins = (await chat.SayAsync(feng, "7号楼门口垃圾堆了好几天了，臭烘烘的", ct)).TicketNumber;
        var taken = await chat.SayAsync(Person.WorkerLi, "这个我来处理吧", ct);
        Assert.Contains(bins, taken.Text);

        var closed = await chat.SayAsync(Person.WorkerLi, $"{lamp[^4..]}已经修好了，换了灯泡", ct);
        Assert.Contains("已办结", closed.Text);

        var tickets = await host.QueryAsync(db => db.Tickets.ToListAsync(ct));
        var lampTicket = tickets.Single(t => t.Number == lamp);
        Assert.Equal(TicketStatus.Resolved, lampTicket.Status);
        Assert.Equal("换了灯泡", lampTicket.Resolution);
        Assert.Equal("李明", tickets.Single(t => t.Number == bins).OwnerName);

        // Two reports nobody handles yet: "派单 @李明" without a number asks which one.
        await chat.SayAsync(zheng, "9号楼电梯坏了，老人上不去楼", ct);
        await chat.SayAsync(feng, "6号楼后面的井盖松动了，很危险", ct);
        var which = await chat.SayAsync(Person.LeaderWang, "派单 @李明", ct);
        Assert.Contains("哪一张", which.Text);
        Assert.Equal(2, await host.QueryAsync(db => db.Tickets.CountAsync(t => t.OwnerUserId == null, ct)));
    }

    [Fact]
    public async Task UrgentDangerIsFiledAtOnceAndAPlaceSaidAfterwardsJoinsIt()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var lin = Person.Resident("林先生");

        var alert = await chat.SayAsync(lin, "闻到很大的煤气味！！", ct);
        Assert.Contains("紧急工单", alert.Text);
        Assert.Contains("119", alert.Text);
        Assert.Contains(alert.Activities.SelectMany(a => a.Entities ?? []), e => e.Mentioned?.Id == Person.LeaderWang.Id);

        var place = await chat.SayAsync(lin, "在3栋2单元", ct);
        Assert.Contains("3栋2单元", place.Text);
        var ticket = await host.QueryAsync(db => db.Tickets.SingleAsync(ct));
        Assert.Equal(TicketUrgency.Urgent, ticket.Urgency);
        Assert.Equal("3栋2单元", ticket.Place);

        // Reported privately, the leader is told in the leader's own chat.
        var trapped = await host.Private(lin.Id).SayAsync(lin, "有人被困电梯了，5号楼的", ct);
        Assert.Contains("紧急工单", trapped.Text);
        Assert.Contains("110", trapped.Text);
        var alert2 = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == Person.LeaderWang.Id).Select(o => o.Text).ToListAsync(ct));
        Assert.Contains(alert2, t => t.Contains("紧急工单", StringComparison.Ordinal));
    }
    [Fact]
    public async Task AnEmergencySaidAgainPressesItsTicketAndAnotherDangerStillAlarms()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhou, ma) = (Person.Resident("周阿姨"), Person.Resident("马师傅"));

        var first = await chat.SayAsync(zhou, "4号楼1单元电梯困人了！", ct);
        Assert.Contains("紧急工单", first.Text);
        var again = await chat.SayAsync(zhou, "快来人啊 电梯还卡着", ct);
        var neighbour = await chat.SayAsync(ma, "四号楼一单元电梯里有人被困 快点", ct);
        AssertSilent(await chat.SayAsync(Person.Resident("小宋"), "[捂脸]", ct));
        var gas = await chat.SayAsync(zhou, "4号楼一楼又闻到煤气味了", ct);

        var tickets = await host.QueryAsync(db => db.Tickets.Include(t => t.Reporters).Include(t => t.Events).OrderBy(t => t.Id).ToListAsync(ct));
        Assert.Equal(2, tickets.Count);
        var (lift, leak) = (tickets[0], tickets[1]);
        Assert.All(tickets, t => Assert.Equal(TicketUrgency.Urgent, t.Urgency));
        Assert.Equal(["周阿姨", "马师傅"], lift.Reporters.Select(r => r.Name).Order().ToArray());
        Assert.Equal(2, lift.UrgeCount);
        foreach (var pressed in new[] { again, neighbour })
        {
            Assert.Contains(lift.Number, pressed.Text);
            Assert.Contains("再次催促", pressed.Text);
            Assert.Contains("119", pressed.Text);
            Assert.DoesNotContain("哪个楼栋", pressed.Text);
        }

        Assert.Contains(leak.Number, gas.Text);
        Assert.Contains("紧急工单", gas.Text);
        var outbox = await host.QueryAsync(db => db.Outbox.Select(o => new { o.ConversationId, o.Text }).ToListAsync(ct));
        // One alarm per emergency in the group; the repeats reached the leader privately as 催.
        Assert.Equal(2, outbox.Count(o => o.ConversationId == Group && o.Text.Contains("🚨", StringComparison.Ordinal)));
        Assert.Equal(2, outbox.Count(o => o.ConversationId == Person.LeaderWang.Id && o.Text.Contains("紧急催办", StringComparison.Ordinal) && o.Text.Contains(lift.Number, StringComparison.Ordinal)));
    }
}
