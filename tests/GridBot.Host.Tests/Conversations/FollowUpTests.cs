using GridBot.Dialogs.Core;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Conversations;

/// <summary>
/// Scenes in one grid group where three residents and the leader talk at once and residents follow up on their own
/// reports in their own words: progress, urging (催办), correcting, withdrawing, a photo after the report.
/// </summary>
public sealed class FollowUpTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task ProgressQuestionsAnswerTheSpeakersOwnTicketAndFileNothingNew()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhang, liu, chen) = (Person.Resident("张阿姨"), Person.Resident("刘先生"), Person.Resident("陈大爷"));

        var manhole = (await chat.SayAsync(zhang, "7号楼门口的井盖丢了", ct)).TicketNumber;
        var leak = (await chat.SayAsync(liu, "5号楼地下室水管漏水", ct)).TicketNumber;
        Assert.True((await chat.SayAsync(chen, "哈哈今天天气真好", ct)).IsSilent);

        var asked = await chat.SayAsync(zhang, "我上次报的井盖修了没有", ct);
        Assert.Contains(manhole, asked.Text);
        Assert.Contains("待受理", asked.Text);
        Assert.Contains("@张阿姨", asked.Text);
        Assert.DoesNotContain(leak, asked.Text);

        await chat.SayAsync(Person.LeaderWang, $"派单 {manhole[^4..]} @李明", ct);
        var leakAsked = await chat.SayAsync(liu, "我前几天反映的那个漏水有人管吗", ct);
        Assert.Contains(leak, leakAsked.Text);
        Assert.Contains("时限", leakAsked.Text);

        var bare = await chat.SayAsync(zhang, "进度", ct);
        Assert.Contains(manhole, bare.Text);
        Assert.Contains("承办人 李明", bare.Text);

        var nothing = await chat.SayAsync(chen, "我上次报的路灯怎么样了", ct);
        Assert.Contains("没有查到您反映过的工单", nothing.Text);

        Assert.Equal(2, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task AnUrgeIsCountedTheOwnerIsToldPrivatelyAndTheResidentHearsStatusAndDeadline()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhang, liu, chen) = (Person.Resident("张阿姨"), Person.Resident("刘先生"), Person.Resident("陈大爷"));
        var manhole = (await chat.SayAsync(zhang, "7号楼门口的井盖丢了", ct)).TicketNumber;
        await chat.SayAsync(liu, "9号楼车库门口的路灯不亮", ct);
        await chat.SayAsync(Person.LeaderWang, $"派单 {manhole[^4..]} @李明", ct);

        var urged = await chat.SayAsync(zhang, "怎么还没人来处理井盖啊？我电话13912345678", ct);
        var chenSays = await chat.SayAsync(chen, "都三天了怎么还没人来", ct);
        var again = await chat.SayAsync(zhang, "麻烦再催一下", ct);

        Assert.Contains("已为您催办", urged.Text);
        Assert.Contains(manhole, urged.Text);
        Assert.Contains("李明", urged.Text);
        Assert.Contains("时限", urged.Text);
        Assert.DoesNotContain("催办", chenSays.Text);
        Assert.Contains("刚刚已帮您催办过", again.Text);
        Assert.DoesNotContain("13912345678", urged.Text);
        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Events).SingleAsync(t => t.Number == manhole, ct));
        Assert.Equal(1, ticket.UrgeCount);
        Assert.Contains(ticket.Events, e => e.Action == TicketAction.Urge && e.ActorName == "张阿姨");
        Assert.Null(ticket.RaisedToLeaderUtc);
        var notice = await host.QueryAsync(db => db.Outbox.SingleAsync(o => o.ConversationId == Person.WorkerLi.Id, ct));
        Assert.Contains("居民催办", notice.Text);
        Assert.Contains(manhole, notice.Text);
        Assert.DoesNotContain("13912345678", notice.Text);
        Assert.Equal(2, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task RepeatedUrgesByNeighboursRaiseTheTicketToTheLeaderOnceAndARepeatWithinMinutesCountsOnce()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhang, liu, chen) = (Person.Resident("张阿姨"), Person.Resident("刘先生"), Person.Resident("陈大爷"));
        var lamp = (await chat.SayAsync(zhang, "3号楼2单元楼道灯坏了", ct)).TicketNumber;
        var merged = await chat.SayAsync(liu, "3号楼2单元楼道的灯也不亮了", ct);
        Assert.Contains(lamp, merged.Text);
        await chat.SayAsync(chen, "大家晚上注意安全哈", ct);

        var first = await chat.SayAsync(zhang, "麻烦催一下", ct);
        Assert.Contains("已提醒网格长王芳", first.Text);
        Assert.DoesNotContain("重点关注", first.Text);
        var second = await chat.SayAsync(liu, "楼道灯怎么还没修好", ct);
        Assert.Contains("已被催办 2 次", second.Text);
        Assert.Contains("重点关注", second.Text);
        var again = await chat.SayAsync(zhang, "催一下催一下", ct);
        Assert.Contains("刚刚已帮您催办过", again.Text);

        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Events).SingleAsync(ct));
        Assert.Equal(2, ticket.UrgeCount);
        Assert.NotNull(ticket.RaisedToLeaderUtc);
        Assert.Single(ticket.Events, e => e.Action == TicketAction.RaiseToLeader);
        var toLeader = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == Person.LeaderWang.Id).OrderBy(o => o.Id).Select(o => o.Text).ToListAsync(ct));
        Assert.Equal(2, toLeader.Count);
        Assert.Contains("居民催办", toLeader[0]);
        Assert.Contains("多次催办", toLeader[1]);

        var api = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{lamp}") { Headers = { { "Authorization", "Bearer " + GridBotTestHost.ApiToken } } }, ct);
        Assert.Contains("\"urgeCount\":2", await api.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task ReportingTheSameProblemAgainImpatientlyIsAnUrgeNotASecondTicket()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhao, qian) = (Person.Resident("赵女士"), Person.Resident("钱师傅"));
        var number = (await chat.SayAsync(zhao, "6号楼门口垃圾好几天没人清运，臭得很", ct)).TicketNumber;
        await chat.SayAsync(qian, "收到，谢谢", ct);

        var again = await chat.SayAsync(zhao, "6号楼门口的垃圾还是没人清运，太臭了", ct);

        Assert.Contains("已为您催办", again.Text);
        Assert.Contains(number, again.Text);
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.Select(t => t.UrgeCount).SingleAsync(ct)));
    }

    [Fact]
    public async Task CorrectionsChangeTheirOwnLatestTicketWithAHistoryLineAndAskWhenUnclear()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhang, liu, chen) = (Person.Resident("张阿姨"), Person.Resident("刘先生"), Person.Resident("陈大爷"));
        var lamp = (await chat.SayAsync(zhang, "5栋2单元门口的路灯坏了", ct)).TicketNumber;
        var junk = (await chat.SayAsync(liu, "8号楼楼道里堆满了杂物，走不过去", ct)).TicketNumber;

        var building = await chat.SayAsync(zhang, "说错了，是6栋不是5栋", ct);
        var stranger = await chat.SayAsync(chen, "不对，是8栋门口", ct);
        var liuPlace = await chat.SayAsync(liu, "打错了 应该是9号楼", ct);
        var what = await chat.SayAsync(zhang, "不是路灯是楼道灯", ct);

        Assert.Contains("已更正工单", building.Text);
        Assert.Contains("6栋", building.Text);
        Assert.True(stranger.IsSilent, stranger.Text);
        Assert.Contains("9号楼", liuPlace.Text);
        Assert.Contains("问题描述", what.Text);
        var zhangTicket = await host.QueryAsync(db => db.Tickets.Include(t => t.Events).SingleAsync(t => t.Number == lamp, ct));
        Assert.Equal("6栋2单元门口", zhangTicket.Place);
        Assert.Equal("6栋", zhangTicket.PlaceDetail.Building);
        Assert.Contains("楼道灯", zhangTicket.Description);
        Assert.Equal(2, zhangTicket.Events.Count(e => e.Action == TicketAction.Correct));
        var liuTicket = await host.QueryAsync(db => db.Tickets.SingleAsync(t => t.Number == junk, ct));
        Assert.StartsWith("9号楼", liuTicket.Place);

        var unclear = await chat.SayAsync(liu, "搞错了，是消防通道", ct);
        Assert.Contains("位置", unclear.Text);
        Assert.Contains("描述", unclear.Text);
        var answered = await chat.SayAsync(liu, "位置", ct);
        Assert.Contains("已更正", answered.Text);
        Assert.Equal("消防通道", await host.QueryAsync(db => db.Tickets.Where(t => t.Number == junk).Select(t => t.Place).SingleAsync(ct)));
        Assert.Equal(2, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task ACorrectionAfterTheWindowIsRefusedKindlyAndChangesNothing()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, "--FollowUps:CorrectionWindow=00:20:00");
        var chat = host.Chat(Group);
        var zhang = Person.Resident("张阿姨");
        var lamp = (await chat.SayAsync(zhang, "5栋2单元门口的路灯坏了", ct)).TicketNumber;
        await host.QueryAsync(db => db.Tickets.ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedUtc, t => t.CreatedUtc.AddMinutes(-21)), ct));

        var late = await chat.SayAsync(zhang, "说错了，是6栋不是5栋", ct);

        Assert.Contains("已超过 20 分钟", late.Text);
        Assert.Equal("5栋2单元门口", await host.QueryAsync(db => db.Tickets.Select(t => t.Place).SingleAsync(ct)));
    }

    [Fact]
    public async Task AWithdrawalIsConfirmedFirstTheOwnerIsToldAndItIsNotCountedAsClosed()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhang, liu, chen) = (Person.Resident("张阿姨"), Person.Resident("刘先生"), Person.Resident("陈大爷"));
        var lamp = (await chat.SayAsync(zhang, "幸福路12号门口路灯不亮了", ct)).TicketNumber;
        await chat.SayAsync(Person.LeaderWang, $"派单 {lamp[^4..]} @李明", ct);

        var ask = await chat.SayAsync(zhang, "物业修好了，撤了吧", ct);
        Assert.Contains("确认撤回", ask.Text);
        Assert.Contains(lamp, ask.Text);
        var junk = (await chat.SayAsync(liu, "8号楼楼道里堆满了杂物，走不过去", ct)).TicketNumber;
        Assert.True((await chat.SayAsync(chen, "不用了，已经好了", ct)).IsSilent);
        Assert.Equal(TicketStatus.Assigned, await host.QueryAsync(db => db.Tickets.Where(t => t.Number == lamp).Select(t => t.Status).SingleAsync(ct)));

        var done = await chat.SayAsync(zhang, "是的", ct);

        Assert.Contains("已撤回", done.Text);
        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Events).SingleAsync(t => t.Number == lamp, ct));
        Assert.Equal(TicketStatus.Withdrawn, ticket.Status);
        Assert.Null(ticket.ResolvedUtc);
        Assert.Contains(ticket.Events, e => e.Action == TicketAction.Withdraw && e.ToStatus == TicketStatus.Withdrawn);
        var notice = await host.QueryAsync(db => db.Outbox.SingleAsync(o => o.ConversationId == Person.WorkerLi.Id && o.Text.Contains("居民撤回"), ct));
        Assert.Contains(lamp, notice.Text);
        var stats = await chat.SayAsync(Person.LeaderWang, "统计", ct);
        Assert.Contains("办结：0 件", stats.Text);
        Assert.Contains("未办结：1 件", stats.Text);

        var keep = await chat.SayAsync(liu, "不用了，已经好了", ct);
        Assert.Contains("确认撤回", keep.Text);
        var kept = await chat.SayAsync(liu, "不", ct);
        Assert.Contains("继续办理", kept.Text);
        Assert.Equal(TicketStatus.New, await host.QueryAsync(db => db.Tickets.Where(t => t.Number == junk).Select(t => t.Status).SingleAsync(ct)));
    }

    [Fact]
    public async Task SeveralMatchingTicketsAreListedAndThePersonPicks()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhang, liu) = (Person.Resident("张阿姨"), Person.Resident("刘先生"));
        var kitchen = (await chat.SayAsync(zhang, "5号楼地下室水管漏水", ct)).TicketNumber;
        var garage = (await chat.SayAsync(zhang, "2号楼车库顶上一直在漏水", ct)).TicketNumber;
        Assert.NotEqual(kitchen, garage);

        var progress = await chat.SayAsync(zhang, "漏水的事怎么样了", ct);
        Assert.Contains(kitchen, progress.Text);
        Assert.Contains(garage, progress.Text);

        var pick = await chat.SayAsync(zhang, "帮我催催那个漏水", ct);
        Assert.Contains("哪一张", pick.Text);
        await chat.SayAsync(liu, "大家晚上注意安全哈", ct);
        var firstListed = pick.Text.IndexOf(kitchen, StringComparison.Ordinal) < pick.Text.IndexOf(garage, StringComparison.Ordinal) ? kitchen : garage;
        var urged = await chat.SayAsync(zhang, "1", ct);

        Assert.Contains("已为您催办", urged.Text);
        Assert.Contains(firstListed, urged.Text);
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.Where(t => t.Number == firstListed).Select(t => t.UrgeCount).SingleAsync(ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.DialogStates.CountAsync(d => d.Key.Contains(zhang.Id), ct)));
    }

    [Fact]
    public async Task AnUrgeThatMissesTheirOneOpenTicketAsksWhetherThatOneIsMeant()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhang, liu) = (Person.Resident("张阿姨"), Person.Resident("刘先生"));
        var junk = (await chat.SayAsync(zhang, "8号楼楼道里堆满了杂物", ct)).TicketNumber;

        var ask = await chat.SayAsync(zhang, "我反映的路灯怎么还没人修", ct);
        Assert.Contains($"是要催办工单 {junk}", ask.Text);
        Assert.DoesNotContain("哪一张", ask.Text);
        Assert.True((await chat.SayAsync(liu, "是", ct)).IsSilent);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.Where(t => t.Number == junk).Select(t => t.UrgeCount).SingleAsync(ct)));

        var urged = await chat.SayAsync(zhang, "是", ct);
        Assert.Contains("已为您催办", urged.Text);
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.Where(t => t.Number == junk).Select(t => t.UrgeCount).SingleAsync(ct)));

        await chat.SayAsync(zhang, "催一下井盖的事", ct);
        var dropped = await chat.SayAsync(zhang, "不", ct);
        Assert.Contains("没有催办", dropped.Text);
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.Where(t => t.Number == junk).Select(t => t.UrgeCount).SingleAsync(ct)));
    }

    [Fact]
    public async Task PhotosAfterTheirOwnReportsJoinEachSpeakersTicket()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhang, liu, chen) = (Person.Resident("张阿姨"), Person.Resident("刘先生"), Person.Resident("陈大爷"));
        var manhole = (await chat.SayAsync(zhang, "7号楼门口的井盖丢了", ct)).TicketNumber;
        var junk = (await chat.SayAsync(liu, "8号楼楼道里堆满了杂物", ct)).TicketNumber;

        var liuPhoto = await chat.SayAsync(liu, "", ct, attachments: Image("https://example.com/junk.jpg"));
        var zhangPhoto = await chat.SayAsync(zhang, "", ct, attachments: Image("https://example.com/manhole.jpg"));
        var chenPhoto = await chat.SayAsync(chen, "", ct, attachments: Image("https://example.com/cat.jpg"));

        Assert.Contains(junk, liuPhoto.Text);
        Assert.Contains(manhole, zhangPhoto.Text);
        Assert.True(chenPhoto.IsSilent);
        var photos = await host.QueryAsync(db => db.Tickets.Include(t => t.Attachments).ToDictionaryAsync(t => t.Number, t => t.Attachments.Select(a => a.Url).ToList(), ct));
        Assert.Equal(["https://example.com/manhole.jpg"], photos[manhole]);
        Assert.Equal(["https://example.com/junk.jpg"], photos[junk]);
    }

    private static Attachment Image(string url) => new() { ContentType = "image/jpeg", ContentUrl = url };
}
