using System.Text;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// 详情 <号>: the whole ticket with its history. Reporters' phones are shown in full only to staff in a private
/// chat (they call residents back); in a group every phone is masked, since the whole group reads it.
/// </summary>
public sealed class ShowCommand(TicketCommandSupport support, GridBotDbContext db, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("详情", ["详情", "show"], CommandAudience.Staff, "详情 <工单号>", "查看工单详情和处理记录");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var ticket = await support.FindAsync(context, invocation.TakeReference().Reference, Definition.Usage, cancellationToken);
        if (ticket is null)
        {
            return;
        }

        var events = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticket.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var attachments = await db.TicketAttachments.AsNoTracking().Where(a => a.TicketId == ticket.Id).Select(a => a.Url).ToListAsync(cancellationToken);
        var showPhones = !context.Identity.IsGroup;
        var description = showPhones ? ticket.Description : PersonalDataMask.Text(ticket.Description);
        var reporters = string.Join("、", ticket.Reporters.Select(r =>
            r.Phone is null ? r.Name : $"{r.Name}({(showPhones ? r.Phone : PersonalDataMask.Phone(r.Phone))})"));

        var text = new StringBuilder($"工单 {ticket.Number}{(ticket.Urgency == Store.Tickets.TicketUrgency.Urgent ? "【紧急】" : "")}\n")
            .Append($"· 内容：{description}\n")
            .Append($"· 类别：{ticket.Category}　位置：{ticket.Place ?? "未说明"}\n")
            .Append($"· 网格：{ticket.Grid?.Name}　层级：{TicketStatusNames.Of(ticket.Tier)}\n")
            .Append($"· 状态：{TicketStatusNames.Of(ticket.Status)}　承办人：{ticket.OwnerName ?? "未派单"}\n")
            .Append($"· 类型：{AppealTypeNames.Of(ticket.AppealType)}　{TicketTexts.DeadlinePhrase(ticket, clock)}{(ticket.IsOverdue(clock.NowUtc) ? "（已超时）" : "")}\n")
            .Append($"· 反映人：{reporters}\n");
        if (attachments.Count > 0)
        {
            text.Append($"· 照片：{attachments.Count} 张\n");
        }

        text.Append("处理记录：\n");
        foreach (var e in events)
        {
            var note = e.Note is null ? "" : "：" + (showPhones ? e.Note : PersonalDataMask.Text(e.Note));
            text.Append($"  {clock.Format(e.AtUtc)} {e.ActorName} {TicketEventNames.Of(e.Action)}{note}\n");
        }

        context.Reply(text.ToString().TrimEnd());
    }
}
