using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// 派单 <号> @姓名: the assignee is a mentioned member, or a staff member of this grid line found by name. Without a
/// number ("派单 @李明" right after a report, "这个我来处理") it is the ticket just reported in this conversation.
/// </summary>
public sealed class AssignCommand(TicketCommandSupport support, GridBotDbContext db, TicketNotifier notifier, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("派单", ["派单", "指派", "assign", "dispatch"], CommandAudience.Staff, "派单 <工单号> @姓名", "把工单派给网格员处理");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (reference, rest) = invocation.TakeReference();
        var name = rest.TrimStart('@', '＠').Trim();
        if (name.Length == 0)
        {
            context.Reply(CommandTexts.Usage(Definition.Usage));
            return;
        }

        var ticket = reference is null
            ? TicketCommandSupport.Admit(
                context,
                await support.FindJustReportedAsync(context, Definition.Usage, $"派单 <号> @{name}", invocation.About, cancellationToken),
                TicketAction.Assign,
                "派单")
            : await support.OpenAsync(context, reference, Definition.Usage, TicketAction.Assign, "派单", cancellationToken);
        if (ticket is null)
        {
            return;
        }

        var assignee = await FindAssigneeAsync(context, ticket, name, cancellationToken);
        if (assignee is null)
        {
            context.Reply($"没有找到网格员“{name}”。请确认姓名，或@本网格的网格员。");
            return;
        }

        ticket.Assign(TicketCommandSupport.Actor(context), assignee.UserId, assignee.Name, clock.NowUtc);
        context.Reply($"@{assignee.Name} 工单 {ticket.Number} 已派给您：{TicketTexts.Excerpt(ticket.Description, 40)}（{ticket.Place ?? "位置待核实"}），{(ticket.CarriesSla ? $"请在 {clock.Format(ticket.DeadlineUtc)} 前处理，完成后发送“办结 {TicketTexts.Tail(ticket.Number)} 处理说明”" : $"请尽快答复，发送“答复 {TicketTexts.Tail(ticket.Number)} 答复内容”即可转告居民")}。",
            Entity.MentionOf(assignee.UserId, assignee.Name));
        if (context.Activity.Conversation?.Id != ticket.ConversationId)
        {
            notifier.NotifyReporters(context, ticket, names => $"{names} 您反映的问题（工单 {ticket.Number}）已安排 {assignee.Name} 处理，请耐心等候。");
        }
    }

    private async Task<Member?> FindAssigneeAsync(TurnContext context, Ticket ticket, string name, CancellationToken cancellationToken)
    {
        var channel = context.Identity.Channel;
        var botId = context.Activity.Recipient?.Id;
        var mentioned = context.Activity.Mentions().Select(m => m.Mentioned.Id).Where(id => id is not null && id != botId).ToList();
        var ticketPath = ticket.Grid!.Path;
        // Staff of the ticket's grid line: inside the speaker's subtree, or above the ticket's grid.
        var candidates = await db.Members.AsNoTracking().Include(m => m.Grid)
            .InScopeOrCovering(context.Identity.Scope, ticketPath)
            .Where(m => m.Channel == channel && MemberRoleExtensions.StaffRoles.Contains(m.Role)
                && (mentioned.Contains(m.UserId) || m.Name == name))
            .ToListAsync(cancellationToken);
        return candidates.OrderByDescending(m => mentioned.Contains(m.UserId))
            .ThenByDescending(m => GridScope.IsWithin(ticketPath, m.Grid!.Path) ? m.Grid!.Path.Length : 0)
            .FirstOrDefault();
    }
}
