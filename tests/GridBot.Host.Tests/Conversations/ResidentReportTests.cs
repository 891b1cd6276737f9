using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Conversations;

public sealed class ResidentReportTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task ReportBecomesATicketWithNumberCategoryGridAndDeadline()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var zhang = Person.Resident("张阿姨");

        var reply = await host.Chat(Group).SayAsync(zhang, "3号楼2单元楼道灯坏了好几天了", ct);

        Assert.Matches(@"GD\d{8}-0001", reply.Text);
        Assert.Contains("民生服务", reply.Text);
        Assert.Contains("幸福里社区第一网格", reply.Text);
        Assert.Contains("处理时限", reply.Text);
        Assert.Contains("@张阿姨", reply.Text);
        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Reporters).Include(t => t.Events).SingleAsync(ct));
        Assert.Equal(reply.TicketNumber, ticket.Number);
        Assert.Equal("3号楼2单元楼道", ticket.Place);
        Assert.Equal("3号楼", ticket.PlaceDetail?.Building);
        Assert.Equal("2单元", ticket.PlaceDetail?.Unit);
        Assert.Equal("楼道", ticket.PlaceDetail?.Landmark);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(zhang.Id, Assert.Single(ticket.Reporters).UserId);
        Assert.Equal(TicketAction.Create, Assert.Single(ticket.Events).Action);
        Assert.True(ticket.DeadlineUtc > ticket.CreatedUtc);
    }

    [Fact]
    public async Task ReportWithoutPlaceAsksWhereItIsThenFilesTheTicket()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var liu = Person.Resident("刘先生");

        var question = await chat.SayAsync(liu, "楼道灯坏了好几天了，晚上上楼太黑", ct);
        Assert.Contains("哪个楼栋", question.Text);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));

        var done = await chat.SayAsync(liu, "5号楼1单元", ct);

        Assert.Matches(@"GD\d{8}-\d{4}", done.Text);
        var ticket = await host.QueryAsync(db => db.Tickets.SingleAsync(ct));
        Assert.Equal("5号楼1单元", ticket.Place);
        Assert.Equal("楼道灯坏了好几天了，晚上上楼太黑", ticket.Description);
    }

    [Fact]
    public async Task CancelDuringIntakeFilesNothing()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var chen = Person.Resident("陈大爷");

        await chat.SayAsync(chen, "垃圾桶满了好几天没人清运，臭得很", ct);
        var cancelled = await chat.SayAsync(chen, "取消", ct);

        Assert.Contains("已取消", cancelled.Text);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.DialogStates.CountAsync(ct)));
    }

    [Theory]
    [InlineData("谢谢")]
    [InlineData("好的")]
    [InlineData("收到")]
    [InlineData("👍")]
    [InlineData("🙏🙏🙏")]
    [InlineData("收到！")]
    [InlineData("哈哈哈")]
    [InlineData("大家早上好")]
    public async Task ThanksAndChitChatNeverBecomeTickets(string text)
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var reply = await host.Chat(Group).SayAsync(Person.Resident("王女士"), text, ct);

        Assert.True(reply.IsSilent, reply.Text);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task TheSameActivityIdTwiceMakesOneTicketAndTheSameAnswer()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var zhao = Person.Resident("赵女士");

        var first = await chat.SayAsync(zhao, "7号楼门口的井盖丢了，很危险", ct, activityId: "retry-1");
        var second = await chat.SayAsync(zhao, "7号楼门口的井盖丢了，很危险", ct, activityId: "retry-1");

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task TheSameActivityIdAfterARestartMakesOneTicketAndTheSameAnswer()
    {
        // A new host's dedup cache is empty: the retry runs its turn, meets the processed mark at commit and is rolled back.
        var ct = TestTimeout.Token;
        var folder = Directory.CreateTempSubdirectory("gridbot-retry-").FullName;
        try
        {
            var zhao = Person.Resident("赵女士");
            Reply first;
            await using (var before = await GridBotTestHost.StartAsync(null, folder, ct))
            {
                first = await before.Chat(Group).SayAsync(zhao, "7号楼门口的井盖丢了，很危险", ct, activityId: "retry-restart-1");
            }

            await using var after = await GridBotTestHost.StartAsync(null, folder, ct);
            var second = await after.Chat(Group).SayAsync(zhao, "7号楼门口的井盖丢了，很危险", ct, activityId: "retry-restart-1");
            var next = await after.Chat(Group).SayAsync(zhao, "3号楼2单元楼道灯坏了好几天了", ct, activityId: "retry-restart-2");

            Assert.Matches(@"GD\d{8}-0001", first.Text);
            Assert.Equal(first.Text, second.Text);
            // The retry's number went back with its rollback: the next report takes 0002.
            Assert.Matches(@"GD\d{8}-0002", next.Text);
            Assert.Equal(2, await after.QueryAsync(db => db.Tickets.CountAsync(ct)));
            Assert.Equal(2, await after.QueryAsync(db => db.ProcessedActivities.CountAsync(ct)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DoubtfulMessageAsksBeforeFilingAndYesFilesIt()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var sun = Person.Resident("孙阿姨");

        var question = await chat.SayAsync(sun, "2号楼旁边那排座椅能不能换一换？", ct);
        Assert.Contains("需要登记为工单吗", question.Text);

        var filed = await chat.SayAsync(sun, "是", ct);

        Assert.Matches(@"GD\d{8}-\d{4}", filed.Text);
        Assert.Equal("社情民意", await host.QueryAsync(db => db.Tickets.Select(t => t.Category).SingleAsync(ct)));
    }

    [Fact]
    public async Task DoubtfulMessageFollowedByChitChatFilesNothing()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var sun = Person.Resident("孙阿姨");

        await chat.SayAsync(sun, "2号楼旁边那排座椅能不能换一换？", ct);
        var reply = await chat.SayAsync(sun, "哈哈哈", ct);

        Assert.True(reply.IsSilent, reply.Text);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task UrgentReportIsFiledAtOnceAndMentionsTheGridLeader()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var reply = await host.Chat(Group).SayAsync(Person.Resident("周先生"), "电梯里有人被困了，快来人！", ct);

        Assert.Contains("紧急工单", reply.Text);
        Assert.Contains("@王芳", reply.Text);
        Assert.Contains(reply.Activities.SelectMany(a => a.Entities ?? []), e => e.Mentioned?.Id == Person.LeaderWang.Id);
        Assert.Equal(TicketUrgency.Urgent, await host.QueryAsync(db => db.Tickets.Select(t => t.Urgency).SingleAsync(ct)));
    }

    [Fact]
    public async Task PhotoSentWhileBeingAskedForThePlaceIsAttached()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var he = Person.Resident("何女士");

        await chat.SayAsync(he, "路边有一大堆建筑垃圾没人管", ct);
        var kept = await chat.SayAsync(he, "", ct, attachments: new GridBot.Dialogs.Core.Attachment { ContentType = "image/jpeg", ContentUrl = "https://example.com/pile.jpg" });
        Assert.Contains("照片已收到", kept.Text);
        await chat.SayAsync(he, "幸福路12号", ct);

        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Attachments).SingleAsync(ct));
        Assert.Equal("https://example.com/pile.jpg", Assert.Single(ticket.Attachments).Url);
        Assert.Equal("幸福路12号", ticket.Place);
    }

    [Fact]
    public async Task AGroupThatIsNotBoundGetsAPoliteAnswerAndNoTicket()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var reply = await host.Chat("unknown-group-42").SayAsync(Person.Resident("路人"), "3号楼楼道灯坏了", ct);

        Assert.Contains("尚未绑定网格", reply.Text);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }
}
