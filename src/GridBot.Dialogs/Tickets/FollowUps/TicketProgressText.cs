using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>
/// How a ticket's progress is told (status, owner, deadline or resolution): the same words for "进度 0003" and for
/// "我上次报的井盖修了没有". Asked in a group as often as in private, so what residents wrote is masked.
/// </summary>
public static class TicketProgressText
{
    public static string Of(Ticket ticket, ShanghaiTime clock) =>
        $"工单 {ticket.Number}（{What(ticket)}）\n当前状态：{State(ticket, clock)}{Resolution(ticket)}";

    /// <summary>One line per ticket, for a list.</summary>
    public static string Line(Ticket ticket, ShanghaiTime clock) =>
        $"{ticket.Number}（{What(ticket)}）：{State(ticket, clock)}";

    /// <summary>"市政设施·7号楼门口，井盖丢了…".</summary>
    public static string What(Ticket ticket) =>
        $"{ticket.Category}·{PersonalDataMask.Text(ticket.Place ?? "未说明位置")}，{TicketTexts.Excerpt(ticket.Description, 14)}";

    public static string State(Ticket ticket, ShanghaiTime clock)
    {
        var status = TicketStatusNames.Of(ticket.Status);
        var owner = ticket.OwnerName is null ? "" : $"，承办人 {ticket.OwnerName}";
        if (ticket.Status is TicketStatus.Resolved or TicketStatus.Rated or TicketStatus.Closed)
        {
            return $"{status}{owner}，办结时间 {clock.Format(ticket.ResolvedUtc ?? ticket.UpdatedUtc)}";
        }

        if (!TicketLifecycle.IsOpen(ticket.Status))
        {
            return status;
        }

        var late = ticket.IsOverdue(clock.NowUtc) ? "（已超时，已督办）" : "";
        var urged = ticket.UrgeCount > 0 ? $"，已催办 {ticket.UrgeCount} 次" : "";
        return $"{status}{owner}，时限 {clock.Format(ticket.DeadlineUtc)}前{late}{urged}";
    }

    private static string Resolution(Ticket ticket) =>
        ticket.Resolution is null ? "。" : $"。\n处理结果：{PersonalDataMask.Text(ticket.Resolution)}";
}
