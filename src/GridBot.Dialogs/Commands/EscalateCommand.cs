using GridBot.Dialogs.Core;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// 升级 <号> 原因: grid → community → street (小事不出网格、大事不出街道), with that tier's own deadline.
/// The upper tier's chats are told through the outbox.
/// </summary>
public sealed class EscalateCommand(
    TicketCommandSupport support,
    TicketService tickets,
    TicketNotifier notifier,
    ProactiveMessenger messenger,
    GridBotDbContext db,
    ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("升级", ["升级", "上报", "escalate"], CommandAudience.Staff, "升级 <工单号> 原因", "网格解决不了的上报社区/街道");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (reference, reason) = invocation.TakeReference();
        if (reference is null || reason.Length == 0)
        {
            context.Reply(CommandTexts.Usage(Definition.Usage));
            return;
        }

        var ticket = await support.OpenAsync(context, reference, Definition.Usage, TicketAction.Escalate, "升级", cancellationToken);
        if (ticket is null)
        {
            return;
        }

        var now = clock.NowUtc;
        var toTier = ticket.Tier + 1;
        ticket.Escalate(TicketCommandSupport.Actor(context), reason, tickets.EscalationDeadline(toTier, now), now);
        var tierName = TicketStatusNames.Of(ticket.Tier);
        // The notice goes to the upper tier's work group: masked like every group text (详情 in private shows it all).
        var notice = $"【升级工单】{ticket.Number}（{ticket.Category}·{ticket.Place ?? "未说明位置"}）由{ticket.Grid!.Name}上报{tierName}：{PersonalDataMask.Text(reason)}。" +
            $"请在 {clock.Format(ticket.DeadlineUtc)} 前协调处理，可发送“受理 {TicketTexts.Tail(ticket.Number)}”或“派单 {TicketTexts.Tail(ticket.Number)} @姓名”。";
        foreach (var chat in await UpperTierChatsAsync(ticket, cancellationToken))
        {
            messenger.Enqueue(chat.Channel, chat.ChatId, ticket.ServiceUrl, notice);
        }

        context.Reply($"工单 {ticket.Number} 已升级到{tierName}，新时限 {clock.Format(ticket.DeadlineUtc)}。");
        notifier.NotifyReporters(context, ticket, names => $"{names} 您反映的问题（工单 {ticket.Number}）已提交{tierName}协调处理，我们会持续跟进。");
    }

    private async Task<List<Chat>> UpperTierChatsAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var level = ticket.Tier == TicketTier.Community ? GridLevel.Community : GridLevel.Street;
        return await db.Chats.AsNoTracking().Covering(ticket.Grid!.Path)
            .Where(c => c.Channel == ticket.Channel && c.Grid!.Level == level)
            .ToListAsync(cancellationToken);
    }
}
