using GridBot.Dialogs.Privacy;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>Everything the ticket feature says, in one place, so the tone stays the same.</summary>
internal static class TicketTexts
{
    public const string AskPlace = "收到您反映的问题！请问具体在哪个楼栋/位置？（例如：3号楼2单元、解放路12号门口）\n回复“取消”可不登记。";
    public const string Cancelled = "好的，已取消，这条不登记工单。有需要随时找我。";
    public const string PhotoKept = "照片已收到，会和工单一起登记。";
    public const string PrivateHint = "您好，我是网格小助手。直接告诉我遇到的问题（例如“3号楼2单元楼道灯坏了”）就能登记工单；发送“帮助”可查看我能做的事。";

    public static string AskCategory(IReadOnlyList<string> choices) =>
        "我不太确定这属于哪一类，请回复数字选择：\n" + string.Join("\n", choices.Select((c, i) => $"{i + 1}. {c}"));

    public static string AskConfirm(string text) =>
        $"您是想反映“{Excerpt(text, 30)}”这个问题吗？需要登记为工单吗？回复\"是\"确认，回复“取消”不登记。";

    public static string Created(Ticket ticket, string reporterName, string deadline) =>
        $"@{reporterName} 已为您登记工单 {ticket.Number}\n" +
        $"· 类别：{ticket.Category}\n" +
        $"· 位置：{ticket.Place ?? "未说明"}\n" +
        $"· 网格：{ticket.Grid?.Name}\n" +
        $"· 预计处理时限：{deadline}前\n" +
        $"网格员会尽快处理，可随时发送“进度 {Tail(ticket.Number)}”查看进展。";

    public static string CreatedUrgent(Ticket ticket, string reporterName, string deadline, IReadOnlyList<string> leaders) =>
        $"⚠️ 紧急工单 {ticket.Number}\n@{reporterName} 已收到，" +
        (leaders.Count > 0 ? $"已通知网格长 {string.Join(" ", leaders.Select(l => "@" + l))} 立即处理" : "已通知网格员立即处理") +
        $"（时限：{deadline}前）。\n如有人员危险，请先拨打 119 / 110 / 120！\n" +
        $"· 类别：{ticket.Category}\n· 位置：{ticket.Place ?? "未说明，请补充"}\n· 网格：{ticket.Grid?.Name}";

    public static string UrgentAlert(Ticket ticket, string deadline) =>
        $"🚨 紧急工单 {ticket.Number} 请网格长立即处理：{ticket.Category}，{ticket.Place ?? "位置待补充"}（时限：{deadline}前）。";

    public static string Merged(Ticket ticket, string reporterName, string deadline) =>
        $"@{reporterName} 这个问题已有居民反映，已并入工单 {ticket.Number}（{ticket.Place ?? ticket.Category}），目前共 {ticket.Reporters.Count} 位居民反映。" +
        $"网格员会一并处理（时限：{deadline}前），办结时会通知每一位反映人。";

    public static string AlreadyReported(Ticket ticket, string reporterName, string deadline) =>
        $"@{reporterName} 您已反映过这个问题（工单 {ticket.Number}，{TicketStatusNames.Of(ticket.Status)}），我们正在处理，时限 {deadline}。可发送“进度 {Tail(ticket.Number)}”查看。";

    /// <summary>"时限 12月3日 17:30" for work on the clock; a question, suggestion or praise says it is answered instead.</summary>
    public static string DeadlinePhrase(Ticket ticket, Time.ShanghaiTime clock) =>
        ticket.DeadlineUtc is { } deadline ? $"时限 {clock.Format(deadline)}" : $"{AppealTypeNames.Of(ticket.AppealType)}类，不计办理时限";

    public static string PhotoAdded(string number) => $"照片已补充到工单 {number}。";

    public static string Tail(string number) => number[(number.LastIndexOf('-') + 1)..];

    /// <summary>
    /// A one-line excerpt of what a resident wrote, for any place more than one person reads (a group, a notice):
    /// phone and ID numbers are masked before the cut, since a number cut in half slips past the mask's pattern.
    /// </summary>
    public static string Excerpt(string text, int max) => Shorten(PersonalDataMask.Text(text), max);

    public static string Shorten(string text, int max)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= max ? oneLine : oneLine[..max] + "…";
    }
}
