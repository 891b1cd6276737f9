using System.Globalization;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Telemetry;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Schedules;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Reminders;

/// <summary>
/// Watches every open ticket's clock in working hours: reminds the owner at the configured share of the time,
/// chases (督办) once the deadline has passed, and after the grace escalates to the next tier and tells both chats.
/// Each step is a ticket event plus a notice keyed by (step, ticket, deadline), all in one transaction, so no step is
/// ever sent twice; a new deadline (escalation, 重办) starts a new cycle.
/// </summary>
public sealed partial class DeadlineChaser(
    GridBotDbContext db,
    ChinaWorkingCalendar calendar,
    TicketService tickets,
    ScheduleNoticeLedger ledger,
    ProactiveMessenger messenger,
    ShanghaiTime clock,
    IOptions<ScheduleOptions> options,
    GridBotTelemetry telemetry,
    ILogger<DeadlineChaser> logger)
{
    public static readonly TicketActor Bot = new("gridbot", "网格小助手");

    private static readonly ScheduleKind[] Kinds = [ScheduleKind.DeadlineReminder, ScheduleKind.DeadlineChase, ScheduleKind.DeadlineEscalation];

    public async Task<ScheduleRunResult> RunAsync(DateTime asOfUtc, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return ScheduleRunResult.None;
        }

        var open = await db.Tickets.AsNoTracking()
            .Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Rated && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Withdrawn)
            // A question, a suggestion or praise has no deadline to chase.
            .Where(t => t.DeadlineUtc != null)
            .Select(t => new
            {
                t.Id,
                t.Tier,
                t.Status,
                DeadlineUtc = t.DeadlineUtc!.Value,
                CycleStartUtc = t.Events.Where(e => e.Action == TicketAction.Escalate || e.Action == TicketAction.Reopen)
                    .Max(e => (DateTime?)e.AtUtc) ?? t.CreatedUtc,
            })
            .ToListAsync(cancellationToken);
        var due = new List<(int Id, ScheduleKind Step, string Slot)>();
        foreach (var ticket in open)
        {
            var deadline = DateTime.SpecifyKind(ticket.DeadlineUtc, DateTimeKind.Utc);
            var step = StepAt(asOfUtc, DateTime.SpecifyKind(ticket.CycleStartUtc, DateTimeKind.Utc), deadline, ticket.Tier, ticket.Status);
            if (step is { } kind)
            {
                due.Add((ticket.Id, kind, SlotOf(deadline)));
            }
        }

        if (due.Count == 0)
        {
            return ScheduleRunResult.None;
        }

        var existing = await ledger.ExistingAsync(Kinds, [.. due.Select(d => d.Slot).Distinct()], cancellationToken);
        var sent = 0;
        var already = 0;
        foreach (var (id, step, slot) in due)
        {
            var scope = id.ToString(CultureInfo.InvariantCulture);
            // An escalation also covers the chase of the same deadline, and a chase the reminder.
            if (Kinds.Where(k => k >= step).Any(k => existing.Contains((k, scope, slot))))
            {
                already++;
                continue;
            }

            await ActAsync(id, step, slot, asOfUtc, cancellationToken);
            if (await ledger.TrySaveAsync(cancellationToken))
            {
                sent++;
                telemetry.RemindersFired.Add(1, new KeyValuePair<string, object?>("kind", step.ToString()));
                LogStep(logger, step, id);
            }
            else
            {
                already++;
            }
        }

        return new ScheduleRunResult(sent, 0, already);
    }

    /// <summary>The most advanced step a ticket has reached: earlier steps missed while the host was down are not sent late.</summary>
    internal ScheduleKind? StepAt(DateTime nowUtc, DateTime cycleStartUtc, DateTime deadlineUtc, TicketTier tier, TicketStatus status)
    {
        if (nowUtc > deadlineUtc)
        {
            var escalateAt = calendar.AddWorkingHours(deadlineUtc, options.Value.EscalateAfterWorkingHours);
            var canEscalate = tier < TicketTier.Street && TicketLifecycle.Allows(status, TicketAction.Escalate);
            return canEscalate && nowUtc >= escalateAt ? ScheduleKind.DeadlineEscalation : ScheduleKind.DeadlineChase;
        }

        var total = calendar.WorkingHoursBetween(cycleStartUtc, deadlineUtc);
        var spent = calendar.WorkingHoursBetween(cycleStartUtc, nowUtc);
        return total > 0 && spent >= total * options.Value.RemindAtShare ? ScheduleKind.DeadlineReminder : null;
    }

    private async Task ActAsync(int id, ScheduleKind step, string slot, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.Include(t => t.Grid).SingleAsync(t => t.Id == id, cancellationToken);
        db.ScheduleNotices.Add(new ScheduleNotice
        {
            Kind = step,
            Scope = id.ToString(CultureInfo.InvariantCulture),
            Slot = slot,
            AtUtc = nowUtc,
        });
        var owner = ticket.OwnerName is null ? "" : "@" + ticket.OwnerName + " ";
        var what = $"工单 {ticket.Number}（{ticket.Category}·{ticket.Place ?? "未说明位置"}）";
        var tail = TicketTexts.Tail(ticket.Number);
        switch (step)
        {
            case ScheduleKind.DeadlineReminder:
                ticket.RecordFollowUp(Bot, TicketAction.Remind, $"时限 {clock.Format(ticket.DeadlineUtc)}", nowUtc);
                await TellAsync(ticket.Grid!.Path, ticket.Tier,
                    $"【到期提醒】{owner}{what}将于 {clock.Format(ticket.DeadlineUtc)} 到期，请抓紧办理；办完发送“办结 {tail} 处理结果”。", cancellationToken);
                break;
            case ScheduleKind.DeadlineChase:
                ticket.RecordFollowUp(Bot, TicketAction.Chase, $"超期，时限 {clock.Format(ticket.DeadlineUtc)}", nowUtc);
                var next = ticket.Tier < TicketTier.Street && ticket.Allows(TicketAction.Escalate)
                    ? $"超期 {options.Value.EscalateAfterWorkingHours:0.#} 个工作小时仍未办结将自动上报{TicketStatusNames.Of(ticket.Tier + 1)}。"
                    : "请尽快办结或说明情况。";
                await TellAsync(ticket.Grid!.Path, ticket.Tier,
                    $"【督办】{owner}{what}已超过办理时限（{clock.Format(ticket.DeadlineUtc)}），请今天内办结或说明情况；{next}", cancellationToken);
                break;
            default:
                var from = ticket.Tier;
                ticket.Escalate(Bot, "超期未办结，系统自动上报", tickets.EscalationDeadline(from + 1, nowUtc), nowUtc);
                var tierName = TicketStatusNames.Of(ticket.Tier);
                await TellAsync(ticket.Grid!.Path, from,
                    $"【自动升级】{what}超期未办结，已上报{tierName}协调处理，新时限 {clock.Format(ticket.DeadlineUtc)}。", cancellationToken);
                await TellAsync(ticket.Grid!.Path, ticket.Tier,
                    $"【升级工单】{what}由{ticket.Grid.Name}超期未办结，系统已自动上报{tierName}。请在 {clock.Format(ticket.DeadlineUtc)} 前协调处理，" +
                    $"可发送“受理 {tail}”或“派单 {tail} @姓名”。", cancellationToken);
                break;
        }
    }

    /// <summary>Into the chats of the tier that holds the ticket: the grid's own group, or the community's or street's.</summary>
    private async Task TellAsync(string gridPath, TicketTier tier, string text, CancellationToken cancellationToken)
    {
        GridLevel[] levels = tier switch
        {
            TicketTier.Grid => [GridLevel.Grid, GridLevel.MicroGrid, GridLevel.Dedicated],
            TicketTier.Community => [GridLevel.Community],
            _ => [GridLevel.Street],
        };
        var chats = await db.Chats.AsNoTracking().Covering(gridPath)
            .Where(c => levels.Contains(c.Grid!.Level))
            .Select(c => new { c.Channel, c.ChatId })
            .ToListAsync(cancellationToken);
        foreach (var chat in chats)
        {
            messenger.Enqueue(chat.Channel, chat.ChatId, null, text);
        }
    }

    private static string SlotOf(DateTime deadlineUtc) => deadlineUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline step {Step} done for ticket {TicketId}")]
    private static partial void LogStep(ILogger logger, ScheduleKind step, int ticketId);
}
