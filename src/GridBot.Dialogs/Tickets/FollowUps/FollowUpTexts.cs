using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>Everything said about follow-ups, to residents and to staff, in one place so the tone stays the same.</summary>
internal static class FollowUpTexts
{
    public static string NoTickets(string name) =>
        $"@{name} 没有查到您反映过的工单。遇到问题直接发给我就行，例如“3号楼2单元楼道灯坏了”。";

    public static string NothingOpen(string name, FollowUpKind kind) =>
        $"@{name} 您目前没有在办的工单，{(kind == FollowUpKind.Urge ? "没有需要催办的" : "没有需要撤回的")}。如果又遇到了问题，直接告诉我问题和位置就能登记。";

    public static string Progress(string name, Ticket ticket, ShanghaiTime clock) =>
        $"@{name} 您反映的{TicketProgressText.Of(ticket, clock)}";

    public static string ProgressOfSeveral(string name, IReadOnlyList<Ticket> tickets, ShanghaiTime clock) =>
        $"@{name} 您反映的相关工单有 {tickets.Count} 张：\n" +
        string.Join("\n", tickets.Select((t, i) => $"{i + 1}. {TicketProgressText.Line(t, clock)}"));

    public static string NotFoundAmong(string name, string topic, IReadOnlyList<Ticket> tickets, ShanghaiTime clock) =>
        $"@{name} 没有找到和“{TicketTexts.Excerpt(topic, 10)}”有关的工单。您最近反映的：\n" +
        string.Join("\n", tickets.Select((t, i) => $"{i + 1}. {TicketProgressText.Line(t, clock)}"));

    public static string Pick(string name, FollowUpKind kind, IReadOnlyList<Ticket> tickets, string? topic) =>
        $"@{name} {(topic is { Length: > 0 } ? $"没有找到和“{TicketTexts.Excerpt(topic, 10)}”直接相关的工单，" : "")}您有 {tickets.Count} 张在办的工单，请问要{Verb(kind)}哪一张？\n" +
        string.Join("\n", tickets.Select((t, i) => $"{i + 1}. {t.Number}（{TicketProgressText.What(t)}）— {TicketStatusNames.Of(t.Status)}")) +
        "\n回复序号即可。";

    public static string AskUrge(string name, Ticket ticket, string topic) =>
        $"@{name} {(topic.Length > 0 ? $"没有找到和“{TicketTexts.Excerpt(topic, 10)}”直接相关的工单。" : "")}您是要催办工单 {ticket.Number}（{TicketProgressText.What(ticket)}）吗？\n" +
        "回复“是”确认催办；如果是新问题，直接告诉我问题和位置就能登记。";

    public static string UrgeDropped(string name, Ticket ticket) => $"@{name} 好的，工单 {ticket.Number} 没有催办。";

    public static string PickAgain(int count) => $"请回复 1 到 {count} 之间的序号；回复“取消”就不处理了。";

    public static string Urged(string name, Ticket ticket, string told, bool raised, ShanghaiTime clock) =>
        $"@{name} 已为您催办工单 {ticket.Number}（{TicketProgressText.What(ticket)}），{told}。\n" +
        $"当前状态：{TicketProgressText.State(ticket, clock)}。" +
        (raised ? $"\n这张工单已被催办 {ticket.UrgeCount} 次，已提请网格长重点关注。" : "");

    public static string UrgedJustNow(string name, Ticket ticket, ShanghaiTime clock) =>
        $"@{name} 刚刚已帮您催办过工单 {ticket.Number}，承办人会尽快处理，请再耐心等一等。\n当前状态：{TicketProgressText.State(ticket, clock)}。";

    /// <summary>An emergency said again (by its reporter or a neighbour at the same spot): the one ticket, pressed, and 119 first.</summary>
    public static string Pressed(string name, Ticket ticket, string told) =>
        $"@{name} 这起紧急情况已经登记（紧急工单 {ticket.Number}，{TicketProgressText.What(ticket)}" +
        (ticket.Reporters.Count > 1 ? $"，目前共 {ticket.Reporters.Count} 位居民反映" : "") +
        $"），{told}。\n{TicketTexts.CallFirst}";

    public static string PressedJustNow(string name, Ticket ticket) =>
        $"@{name} 工单 {ticket.Number} 刚刚已再次催促过，正在处理，请保持联系。\n{TicketTexts.CallFirst}";

    public static string PressedOwner(string owner) => $"已再次催促承办人{owner}立即处理";

    public static string PressedLeaders(IReadOnlyList<string> leaders) =>
        leaders.Count > 0 ? $"已再次催促网格长{string.Join("、", leaders)}立即处理" : "已再次催促网格员立即处理";

    public static string PressNotice(Ticket ticket, string reporter, string said) =>
        $"【紧急催办】紧急工单 {ticket.Number}（{TicketProgressText.What(ticket)}）{reporter} 再次求助（第 {ticket.UrgeCount} 次催办）：“{TicketTexts.Excerpt(said, 40)}”。" +
        $"请立即处理并告知居民；办完发送“办结 {TicketTexts.Tail(ticket.Number)} 处理结果”。";

    public static string ToldOwner(string owner) => $"已提醒承办人{owner}尽快处理";

    public static string ToldLeaders(IReadOnlyList<string> leaders) =>
        leaders.Count > 0 ? $"已提醒网格长{string.Join("、", leaders)}尽快安排" : "已记录在案，网格员会尽快安排";

    public static string UrgeNotice(Ticket ticket, string reporter, string said, ShanghaiTime clock) =>
        $"【居民催办】工单 {ticket.Number}（{TicketProgressText.What(ticket)}）反映人 {reporter} 催办（第 {ticket.UrgeCount} 次）：“{TicketTexts.Excerpt(said, 40)}”。" +
        $"时限 {clock.Format(ticket.DeadlineUtc)}，请尽快处理并告知居民；办完发送“办结 {TicketTexts.Tail(ticket.Number)} 处理结果”。";

    public static string RaisedNotice(Ticket ticket, ShanghaiTime clock) =>
        $"【多次催办】工单 {ticket.Number}（{TicketProgressText.What(ticket)}）已被居民催办 {ticket.UrgeCount} 次，" +
        $"{(ticket.OwnerName is null ? "尚未派单" : "承办人 " + ticket.OwnerName)}，时限 {clock.Format(ticket.DeadlineUtc)}。请网格长关注督办。";

    public static string AskWithdraw(string name, Ticket ticket) =>
        $"@{name} 确认撤回工单 {ticket.Number}（{TicketProgressText.What(ticket)}）吗？撤回后网格员就不再处理了。\n回复“是”撤回，回复“不”继续办理。";

    public static string Withdrawn(string name, Ticket ticket) =>
        $"@{name} 好的，工单 {ticket.Number} 已撤回。问题解决了就好，以后有需要随时找我！";

    public static string WithdrawKept(string name, Ticket ticket) => $"@{name} 好的，工单 {ticket.Number} 继续办理。";

    public static string WithdrawNotPossible(string name, Ticket ticket) =>
        $"@{name} 工单 {ticket.Number} 现在是“{TicketStatusNames.Of(ticket.Status)}”，不用撤回了。";

    public static string SharedWithOthers(string name, Ticket ticket) =>
        $"@{name} 工单 {ticket.Number} 还有其他 {ticket.Reporters.Count - 1} 位居民一起反映，不能由您单独撤回。已转告网格员您这边问题已解决，由网格员核实后办结。";

    public static string WithdrawnNotice(Ticket ticket, string reporter, string said) =>
        $"【居民撤回】工单 {ticket.Number}（{TicketProgressText.What(ticket)}）已由反映人 {reporter} 撤回（“{TicketTexts.Excerpt(said, 30)}”），无需再处理。";

    public static string SolvedNotice(Ticket ticket, string reporter, string said) =>
        $"【居民反馈】工单 {ticket.Number}（{TicketProgressText.What(ticket)}）反映人 {reporter} 说问题已解决（“{TicketTexts.Excerpt(said, 30)}”）。" +
        $"该工单还有其他反映人，请核实后发送“办结 {TicketTexts.Tail(ticket.Number)} 处理结果”。";

    public static string Corrected(string name, Ticket ticket, string field, string before, string after) =>
        $"@{name} 已更正工单 {ticket.Number} 的{field}：{Mask(before)} → {Mask(after)}。";

    public static string CorrectedNotice(Ticket ticket, string reporter, string field, string before, string after) =>
        $"【居民更正】工单 {ticket.Number} 反映人 {reporter} 更正了{field}：{Mask(before)} → {Mask(after)}，请按更正后的信息处理。";

    public static string AskField(string name, Ticket ticket, string right) =>
        $"@{name} 您是要把工单 {ticket.Number} 的位置改成“{Mask(right)}”，还是把问题描述改成“{Mask(right)}”？回复“位置”或“描述”。";

    public static string AskFieldAgain => "请回复“位置”或“描述”；回复“取消”就不改了。";

    public static string TooLateToCorrect(string name, Ticket ticket, TimeSpan window) =>
        $"@{name} 工单 {ticket.Number} 登记已超过 {Minutes(window)}，不能自己更正了。请@网格员说明正确的信息，我们会按您说的处理。";

    public static string NothingToCorrect(string name) =>
        $"@{name} 没有找到您刚登记、还能更正的工单。如果要反映新问题，直接告诉我问题和具体位置就行。";

    public static string NotYours(string name, Ticket ticket) =>
        $"@{name} 工单 {ticket.Number} 是和其他居民一起反映的，位置和描述请@网格员更正。";

    public static string Dropped => "好的，不处理了。";

    private static string Verb(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Urge => "催办",
        FollowUpKind.Withdraw => "撤回",
        FollowUpKind.Correct => "更正",
        _ => "查询",
    };

    private static string Minutes(TimeSpan window) =>
        window.TotalMinutes < 60 ? $"{window.TotalMinutes:0} 分钟" : $"{window.TotalHours:0.#} 小时";

    private static string Mask(string text) => TicketTexts.Shorten(PersonalDataMask.Text(text), 60);
}
