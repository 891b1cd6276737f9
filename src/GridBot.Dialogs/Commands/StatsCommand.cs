using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// 统计 [今日|本周|本月]: what a leader reports at the huddle — new (by appeal type), closed, open, overdue, on time,
/// satisfaction, and the questions and suggestions still waiting for an answer.
/// </summary>
public sealed class StatsCommand(TicketFinder finder, ShanghaiTime clock) : ICommand
{
    private static readonly TicketStatus[] OpenStatuses = Enum.GetValues<TicketStatus>().Where(TicketLifecycle.IsOpen).ToArray();

    public CommandDefinition Definition { get; } = new("统计", ["统计", "stats"], CommandAudience.Staff, "统计 [今日|本周|本月]", "查看工单统计");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        (string Label, DateOnly From)? period = invocation.Arguments.Trim().ToLowerInvariant() switch
        {
            "" or "今日" or "今天" or "today" => ("今日", today),
            "本周" or "这周" or "week" => ("本周", today.AddDays(-(((int)today.DayOfWeek + 6) % 7))),
            "本月" or "这个月" or "month" => ("本月", new DateOnly(today.Year, today.Month, 1)),
            _ => null,
        };
        if (period is not { } p)
        {
            context.Reply(CommandTexts.Usage(Definition.Usage));
            return;
        }

        var from = clock.StartOfDayUtc(p.From);
        var now = clock.NowUtc;
        var visible = finder.Visible(context.Identity).AsNoTracking();
        var createdByType = await visible.Where(t => t.CreatedUtc >= from).GroupBy(t => t.AppealType)
            .Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var created = createdByType.Sum(c => c.Count);
        var waiting = await visible.CountAsync(t => OpenStatuses.Contains(t.Status) && t.DeadlineUtc == null, cancellationToken);
        // On time and satisfaction are measured on work with a deadline (投诉/求助), not on answered questions.
        var resolved = await visible.Where(t => t.ResolvedUtc >= from && t.DeadlineUtc != null)
            .Select(t => new { OnTime = t.ResolvedUtc <= t.DeadlineUtc, t.Rating })
            .ToListAsync(cancellationToken);
        var open = await visible.CountAsync(t => OpenStatuses.Contains(t.Status) && t.DeadlineUtc != null, cancellationToken);
        var overdue = await visible.CountAsync(t => OpenStatuses.Contains(t.Status) && t.DeadlineUtc < now, cancellationToken);
        var rated = resolved.Where(r => r.Rating is not null).ToList();
        var onTime = resolved.Count == 0 ? "—" : $"{100.0 * resolved.Count(r => r.OnTime) / resolved.Count:0}%";
        var satisfied = rated.Count == 0 ? "—" : $"{100.0 * rated.Count(r => r.Rating != TicketRating.Unsatisfied) / rated.Count:0}%";
        context.Reply(
            $"{context.Identity.ScopeGrid.Name} · {p.Label}统计\n" +
            $"· 新登记：{created} 件　办结：{resolved.Count} 件\n" +
            $"· 未办结：{open} 件（其中超时 {overdue} 件）\n" +
            $"· 按时办结率：{onTime}　满意率：{satisfied}（{rated.Count} 人评价）\n" +
            $"· 按类型：{string.Join("　", AppealTypeNames.All.Select(type => $"{AppealTypeNames.Of(type)} {createdByType.FirstOrDefault(c => c.Type == type)?.Count ?? 0}"))}\n" +
            $"· 待答复的咨询、建议、表扬：{waiting} 件（“工单 咨询”可查看）");
    }
}
