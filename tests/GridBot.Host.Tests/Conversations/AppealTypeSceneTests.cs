using GridBot.Dialogs.Reminders;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Schedules;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Conversations;

/// <summary>
/// Appeal types as residents bring them, several people talking in one group: questions answered from the demo
/// knowledge base or logged for a worker (咨询, no clock), suggestions and praise logged and thanked, reports filed.
/// </summary>
public sealed class AppealTypeSceneTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task Questions_in_a_busy_group_are_answered_or_logged_for_a_worker_and_never_offered_as_complaints()
    {
        var ct = TestTimeout.Token;
        // A Monday morning on a test clock, so the deadline chaser can be run a month later.
        await using var host = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-11-23 09:00")), null, ct);
        var chat = host.Chat(Group);
        var zhang = Person.Resident("张阿姨");
        var li = Person.Resident("李大爷");
        var wang = Person.Resident("王叔");
        var zhao = Person.Resident("赵姐");

        var dibao = await chat.SayAsync(zhang, "低保怎么申请？", ct);
        var report = await chat.SayAsync(wang, "3号楼2单元楼道灯坏了好几天了", ct);
        var yibao = await chat.SayAsync(li, "医保在哪里交？", ct);
        var juzhu = await chat.SayAsync(zhao, "请问居住证怎么办", ct);
        var unknown = await chat.SayAsync(li, "请问社区的老年食堂怎么报名？", ct);

        Assert.Contains("@张阿姨", dibao.Text);
        Assert.Contains("低保申请表", dibao.Text);
        Assert.Contains("城乡居民医保", yibao.Text);
        Assert.Contains("居住证", juzhu.Text);
        Assert.Contains("租房合同", juzhu.Text);
        foreach (var answer in new[] { dibao, yibao, juzhu, unknown })
        {
            Assert.DoesNotContain("需要登记为工单吗", answer.Text);
        }

        Assert.Contains("已为您登记工单", report.Text);
        Assert.Contains("已记为咨询", unknown.Text);
        Assert.Contains("网格员会尽快答复您", unknown.Text);
        var tickets = await host.QueryAsync(db => db.Tickets.OrderBy(t => t.Id).ToListAsync(ct));
        Assert.Equal(2, tickets.Count);
        var complaint = tickets[0];
        var consultation = tickets[1];
        Assert.Equal(AppealType.Complaint, complaint.AppealType);
        Assert.NotNull(complaint.DeadlineUtc);
        Assert.Equal(AppealType.Consultation, consultation.AppealType);
        Assert.Null(consultation.DeadlineUtc);
        Assert.Equal(unknown.TicketNumber, consultation.Number);

        // No clock on the question: a month later the chaser reminds and chases the complaint only.
        await host.RunAsync<DeadlineChaser, ScheduleRunResult>(c => c.RunAsync(Beijing.Utc("2026-12-23 09:00"), ct));
        var followUps = await host.QueryAsync(db => db.TicketEvents
            .Where(e => e.Action == TicketAction.Remind || e.Action == TicketAction.Chase || e.Action == TicketAction.Escalate)
            .Select(e => e.TicketId).Distinct().ToListAsync(ct));
        Assert.Equal([complaint.Id], followUps);

        // The leader answers the question by command; the resident is told in the group, nothing asks for a rating.
        var tail = consultation.Number[^4..];
        var answered = await chat.SayAsync(Person.LeaderWang, $"答复 {tail} 老年食堂在幸福路88号一楼，带身份证到社区登记就能报名", ct);
        Assert.Contains("@李大爷", answered.Text);
        Assert.Contains("已答复。王芳：", answered.Text);
        Assert.Contains("幸福路88号一楼", answered.Text);
        Assert.DoesNotContain("满意", answered.Text);
        var closed = await host.QueryAsync(db => db.Tickets.Include(t => t.Events).SingleAsync(t => t.Id == consultation.Id, ct));
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Contains(closed.Events, e => e.Action == TicketAction.Answer && e.ActorName == "王芳");

        var rate = await chat.SayAsync(li, "满意", ct);
        Assert.Contains("没有等待评价的工单", rate.Text);
        var again = await chat.SayAsync(Person.LeaderWang, $"答复 {tail} 再说一遍", ct);
        Assert.Contains("不能答复", again.Text);
    }

    [Fact]
    public async Task Suggestions_and_praise_are_logged_as_their_kind_thanked_listed_and_counted()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var suggester = Person.Resident("刘先生");
        var praiser = Person.Resident("陈奶奶");

        var suggestion = await chat.SayAsync(suggester, "建议小区多装几个充电桩，晚上经常排队", ct);
        var praise = await chat.SayAsync(praiser, "表扬一下李网格员，昨天半夜还来帮我们家看水管", ct);
        var noise = await chat.SayAsync(Person.Resident("路人"), "哈哈哈今天天气真好", ct);

        Assert.Contains("@刘先生 感谢您的建议", suggestion.Text);
        Assert.Contains("@陈奶奶 谢谢您的表扬", praise.Text);
        Assert.True(noise.IsSilent);
        var tickets = await host.QueryAsync(db => db.Tickets.OrderBy(t => t.Id).ToListAsync(ct));
        Assert.Equal([AppealType.Suggestion, AppealType.Praise], tickets.Select(t => t.AppealType));
        Assert.All(tickets, t => Assert.Null(t.DeadlineUtc));

        var list = await chat.SayAsync(Person.WorkerLi, "工单 建议", ct);
        Assert.Contains("待办的建议 1 条", list.Text);
        Assert.Contains(tickets[0].Number, list.Text);
        Assert.Contains("【建议】", list.Text);
        var stats = await chat.SayAsync(Person.LeaderWang, "统计", ct);
        Assert.Contains("建议 1", stats.Text);
        Assert.Contains("表扬 1", stats.Text);
        Assert.Contains("待答复的咨询、建议、表扬：2 件", stats.Text);
        Assert.Contains("超时 0 件", stats.Text);

        // 办结 on a suggestion is its answer: the resident hears back and is not asked for a rating.
        var closed = await chat.SayAsync(Person.LeaderWang, $"办结 {tickets[0].Number[^4..]} 已报社区，明年在7号楼东侧新增10个充电桩", ct);
        Assert.Contains("@刘先生 您提的建议", closed.Text);
        Assert.Contains("新增10个充电桩", closed.Text);
        Assert.DoesNotContain("满意", closed.Text);
        var show = await chat.SayAsync(Person.WorkerLi, $"详情 {tickets[1].Number[^4..]}", ct);
        Assert.Contains("类型：表扬　表扬类，不计办理时限", show.Text);
    }

    [Fact]
    public async Task In_private_a_resident_searches_the_knowledge_base_asks_a_person_and_hears_the_answer_through_the_outbox()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var resident = Person.Resident("周阿姨");
        await host.Chat(Group).SayAsync(resident, "大家好", ct);
        var mine = host.Private(resident.Id);

        var faq = await mine.SayAsync(resident, "问答 垃圾分类", ct);
        var natural = await mine.SayAsync(resident, "电动车充电桩在哪里？", ct);
        var asked = await mine.SayAsync(resident, "咨询 我家电动车能不能在车棚过夜充电", ct);
        var empty = await mine.SayAsync(resident, "咨询", ct);

        Assert.Contains("问：垃圾分类怎么分？", faq.Text);
        Assert.Contains("厨余垃圾", faq.Text);
        Assert.Contains("3号楼北侧车棚", natural.Text);
        Assert.Contains("已记为咨询", asked.Text);
        Assert.Contains("请在“咨询”后面写上您的问题", empty.Text);
        var number = asked.TicketNumber;
        var ticket = await host.QueryAsync(db => db.Tickets.SingleAsync(ct));
        Assert.Equal(AppealType.Consultation, ticket.AppealType);

        // The worker answers from the group; the resident's private chat gets it through the outbox.
        var answered = await host.Chat(Group).SayAsync(Person.WorkerLi, $"答复 {number[^4..]} 车棚充电桩可以过夜充，充满自动断电", ct);
        Assert.Contains("已答复咨询", answered.Text);
        var told = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == "private-" + resident.Id).Select(o => o.Text).ToListAsync(ct));
        Assert.Contains(told, p => p.Contains("充满自动断电", StringComparison.Ordinal) && p.Contains("已答复。李明：", StringComparison.Ordinal));

        var onComplaint = await host.Chat(Group).SayAsync(Person.Resident("钱"), "5号楼电梯坏了，困了好久", ct);
        var refused = await host.Chat(Group).SayAsync(Person.WorkerLi, $"答复 {onComplaint.TicketNumber[^4..]} 好的", ct);
        Assert.Contains("有办理时限，办完请发送“办结", refused.Text);
    }
}
