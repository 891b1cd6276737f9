using GridBot.Dialogs.Core;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;

namespace GridBot.Dialogs.Commands;

public sealed class StatusCommand(TicketCommandSupport support, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("进度", ["进度", "查询", "status"], CommandAudience.Everyone, "进度 <工单号>", "查询工单进展");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var ticket = await support.FindAsync(context, invocation.TakeReference().Reference, Definition.Usage, cancellationToken);
        if (ticket is null)
        {
            return;
        }

        var owner = ticket.OwnerName is null ? "" : $"，承办人 {ticket.OwnerName}";
        var deadline = ticket.Status is Store.Tickets.TicketStatus.Resolved or Store.Tickets.TicketStatus.Rated or Store.Tickets.TicketStatus.Closed
            ? $"，办结时间 {clock.Format(ticket.ResolvedUtc ?? ticket.UpdatedUtc)}"
            : $"，{TicketTexts.DeadlinePhrase(ticket, clock)}{(ticket.IsOverdue(clock.NowUtc) ? "（已超时，已督办）" : "")}";
        // Asked in a group as often as in private: a resolution note may name a phone, so it is masked like every shared text.
        var resolution = ticket.Resolution is null ? "" : $"\n处理结果：{PersonalDataMask.Text(ticket.Resolution)}";
        context.Reply($"工单 {ticket.Number}（{ticket.Category}·{ticket.Place ?? "未说明位置"}）\n当前状态：{TicketStatusNames.Of(ticket.Status)}{owner}{deadline}。{resolution}");
    }
}
