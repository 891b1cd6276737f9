using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

public static class TicketEventNames
{
    public static string Of(TicketAction action) => action switch
    {
        TicketAction.Create => "登记",
        TicketAction.Accept => "受理",
        TicketAction.Assign => "派单",
        TicketAction.Start => "开始处理",
        TicketAction.Resolve => "办结",
        TicketAction.Rate => "评价",
        TicketAction.Close => "关闭",
        TicketAction.Reject => "退回",
        TicketAction.Escalate => "升级",
        TicketAction.Reopen => "重办",
        TicketAction.AddReporter => "并入反映人",
        TicketAction.Recategorize => "重新分类",
        TicketAction.Split => "拆分",
        TicketAction.Remind => "到期提醒",
        TicketAction.Chase => "超期督办",
        TicketAction.FollowUp => "转网格员回访",
        TicketAction.Urge => "居民催办",
        TicketAction.Correct => "居民更正",
        TicketAction.Withdraw => "居民撤回",
        TicketAction.RaiseToLeader => "多次催办，提请网格长关注",
        TicketAction.AddPlace => "补充位置",
        _ => "补充照片",
    };
}
