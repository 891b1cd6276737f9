using System.Text;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Commands;

/// <summary>工单 [状态|类型]: open tickets of the speaker's grid subtree, overdue first; 工单 咨询 lists the open questions.</summary>
public sealed class TicketsCommand(TicketFinder finder, ShanghaiTime clock) : ICommand
{
    private const int PageSize = 15;
    private static readonly TicketStatus[] OpenStatuses = Enum.GetValues<TicketStatus>().Where(TicketLifecycle.IsOpen).ToArray();

    public CommandDefinition Definition { get; } = new("工单", ["工单列表", "工单", "tickets", "list"], CommandAudience.Staff, "工单 [状态或类型，如 待受理/超时/咨询/建议]", "查看本网格的工单");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var filter = invocation.Arguments.Trim();
        var now = clock.NowUtc;
        var query = finder.Visible(context.Identity).AsNoTracking();
        string title;
        if (filter is "超时" or "逾期" or "overdue")
        {
            query = query.Where(t => OpenStatuses.Contains(t.Status) && t.DeadlineUtc < now);
            title = "超时工单";
        }
        else if (AppealTypeNames.Parse(filter) is { } appeal)
        {
            query = query.Where(t => OpenStatuses.Contains(t.Status) && t.AppealType == appeal);
            title = $"待办的{AppealTypeNames.Of(appeal)}";
        }
        else if (filter.Length > 0)
        {
            if (TicketStatusNames.Parse(filter) is not { } status)
            {
                context.Reply($"不认识状态“{filter}”。可用：待受理、已受理、已派单、处理中、已办结、已评价、退回、升级、重办、超时，或类型：投诉、求助、咨询、建议、表扬。");
                return;
            }

            query = query.Where(t => t.Status == status);
            title = $"{TicketStatusNames.Of(status)}的工单";
        }
        else
        {
            query = query.Where(t => OpenStatuses.Contains(t.Status));
            title = "未办结工单";
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query
            // Work on the clock first, by deadline; then questions and suggestions, oldest first.
            .OrderBy(t => t.DeadlineUtc == null).ThenBy(t => t.DeadlineUtc).ThenBy(t => t.Id)
            .Take(PageSize)
            .Select(t => new { t.Number, t.Category, t.Place, t.Description, t.Status, t.OwnerName, t.DeadlineUtc, t.Urgency, t.AppealType })
            .ToListAsync(cancellationToken);
        if (total == 0)
        {
            context.Reply($"{context.Identity.ScopeGrid.Name}目前没有{title}。");
            return;
        }

        var text = new StringBuilder($"{context.Identity.ScopeGrid.Name} · {title} {total} 条：\n");
        foreach (var t in page)
        {
            var flags = (t.Urgency == TicketUrgency.Urgent ? "【急】" : "") + (TicketLifecycle.IsOpen(t.Status) && t.DeadlineUtc < now ? "【超时】" : "")
                + (t.AppealType.CarriesSla() ? "" : $"【{AppealTypeNames.Of(t.AppealType)}】");
            text.Append($"· {flags}{t.Number} {t.Category}｜{t.Place ?? TicketTexts.Excerpt(t.Description, 12)}｜{TicketStatusNames.Of(t.Status)}")
                .Append(t.OwnerName is null ? "" : $"｜{t.OwnerName}")
                .Append(t.DeadlineUtc is { } deadline ? $"｜时限 {clock.Format(deadline)}\n" : "\n");
        }

        if (total > page.Count)
        {
            text.Append($"另有 {total - page.Count} 条，可按状态筛选，如“工单 待受理”。");
        }

        context.Reply(text.ToString().TrimEnd());
    }
}
