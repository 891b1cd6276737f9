using System.Globalization;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Schedules;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Reminders;

/// <summary>
/// 周联席会议: on the working day before each community's meeting, posts its agenda to the community chat —
/// the escalations waiting for the community or street, and how last week's dispatch orders (派工单) went.
/// </summary>
public sealed partial class WeeklyMeetingService(
    GridBotDbContext db,
    ScheduleSlotRunner runner,
    SchedulePlanner planner,
    ProactiveMessenger messenger,
    ChinaWorkingCalendar calendar,
    ShanghaiTime clock,
    IOptions<ScheduleOptions> options,
    ILogger<WeeklyMeetingService> logger)
{
    private static readonly ScheduleKind[] Kinds = [ScheduleKind.WeeklyMeeting];

    public Task<ScheduleRunResult> RunAsync(DateTime asOfUtc, TimeSpan lookBack, CancellationToken cancellationToken) =>
        runner.RunEachAsync(Kinds, asOfUtc, lookBack, StageAsync, slot => LogSkipped(logger, slot.Target.Code, slot.Key), cancellationToken);

    private async Task StageAsync(ScheduleSlot slot, CancellationToken cancellationToken)
    {
        var text = await AgendaAsync(slot, cancellationToken);
        foreach (var chat in await db.Chats.AsNoTracking().Where(c => c.GridId == slot.Target.GridId).ToListAsync(cancellationToken))
        {
            messenger.Enqueue(chat.Channel, chat.ChatId, null, text);
        }
    }

    internal async Task<string> AgendaAsync(ScheduleSlot slot, CancellationToken cancellationToken)
    {
        var own = await db.ScheduleOverrides.AsNoTracking()
            .FirstOrDefaultAsync(o => o.GridId == slot.Target.GridId && o.Kind == ScheduleKind.WeeklyMeeting, cancellationToken);
        var meeting = planner.MeetingAfter(DateOnly.FromDateTime(slot.LocalTime), own?.Day) ?? DateOnly.FromDateTime(slot.LocalTime).AddDays(1);
        var meetingAt = (own?.Time ?? options.Value.WeeklyMeetingTime).ToString("HH:mm", CultureInfo.InvariantCulture);
        var now = slot.FireUtc;
        var scope = new GridScope(null, slot.Target.Path);

        var escalated = await db.Tickets.AsNoTracking().InScope(scope)
            .Where(t => t.Tier != TicketTier.Grid && t.DeadlineUtc != null)
            .Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Rated && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Withdrawn)
            .OrderBy(t => t.DeadlineUtc)
            .Select(t => new { t.Number, t.Category, t.Place, t.Tier, DeadlineUtc = t.DeadlineUtc!.Value, GridName = t.Grid!.Name })
            .ToListAsync(cancellationToken);
        // Orders from the previous week's meeting, wherever a holiday moved it to.
        var since = StartOf(meeting.AddDays(-7 - (((int)meeting.DayOfWeek + 6) % 7)));
        var orders = await db.DispatchOrders.AsNoTracking()
            .Where(o => o.CommunityGridId == slot.Target.GridId && o.IssuedUtc >= since && o.IssuedUtc < now)
            .OrderBy(o => o.DueDate).ThenBy(o => o.Id)
            .Select(o => new { o.Assignee, o.DueDate, o.Ticket!.Number, o.Ticket.Category, o.Ticket.ResolvedUtc })
            .ToListAsync(cancellationToken);

        var budget = new MessageBudget(options.Value.MaxMessageBytes);
        var day = meeting.ToString("M月d日", CultureInfo.InvariantCulture);
        budget.Add($"【周联席会议】{slot.Target.Name} {day}(周{"日一二三四五六"[(int)meeting.DayOfWeek]}) {meetingAt} 召开，议程如下：");
        var outcomes = orders.Select(o => (o, Outcome: Outcome(o.ResolvedUtc, o.DueDate, now))).ToList();
        const string footer = "会上可发送“派工单 <工单号> @单位或人 截止 <日期>”下派任务，下周会议通报完成情况。";
        var reserve = MessageBudget.SizeOf([footer]) + 64;
        budget.TryAdd($"一、待协调的升级工单（{escalated.Count}）", reserve);
        for (var i = 0; i < escalated.Count; i++)
        {
            var t = escalated[i];
            var late = t.DeadlineUtc < now ? "，已超期" : "";
            budget.TryAdd($"{i + 1}. {t.Number} {t.Category}·{TicketTexts.Shorten(t.Place ?? "未说明位置", 16)} {t.GridName} 在{TicketStatusNames.Of(t.Tier)}，时限 {clock.Format(DateTime.SpecifyKind(t.DeadlineUtc, DateTimeKind.Utc))}{late}", reserve);
        }

        budget.TryAdd($"二、上周派工单（{orders.Count}）：按时完成 {outcomes.Count(o => o.Outcome == "按时完成")} · " +
            $"逾期完成 {outcomes.Count(o => o.Outcome == "逾期完成")} · 未完成 {outcomes.Count(o => o.Outcome.StartsWith("未完成", StringComparison.Ordinal))}", reserve);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var (o, outcome) = outcomes[i];
            budget.TryAdd($"{i + 1}. {o.Number} {o.Category} → {o.Assignee}，截止 {o.DueDate.ToString("M月d日", CultureInfo.InvariantCulture)}：{outcome}", reserve);
        }

        var dropped = budget.Dropped;
        if (dropped > 0)
        {
            budget.Add($"另有 {dropped} 条未列出，发送“工单”查看全部。");
        }

        budget.Add(footer);
        return budget.ToString();
    }

    private string Outcome(DateTime? resolvedUtc, DateOnly due, DateTime nowUtc)
    {
        var dueEnd = StartOf(due.AddDays(1));
        if (resolvedUtc is { } resolved)
        {
            return resolved < dueEnd ? "按时完成" : "逾期完成";
        }

        return nowUtc >= dueEnd ? $"未完成（已逾期 {Math.Max(1, (int)(nowUtc - dueEnd).TotalDays)} 天）" : "办理中";
    }

    private DateTime StartOf(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), calendar.TimeZone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped the weekly meeting agenda of {Scope} at {Slot}: the host was down past the missed-fire grace")]
    private static partial void LogSkipped(ILogger logger, string scope, string slot);
}
