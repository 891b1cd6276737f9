using GridBot.Dialogs.Privacy;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>Everything the ticket feature says, in one place, so the tone stays the same.</summary>
public static class TicketTexts
{
    public const string AskPlace = "收到您反映的问题！请问具体在哪个楼栋/位置？（例如：3号楼2单元、解放路12号门口）\n回复“取消”可不登记。";
    public const string Cancelled = "好的，已取消，这条不登记工单。有需要随时找我。";
    public const string PhotoKept = "照片已收到，会和工单一起登记。";
    public const string PhotoNeedsWords = "照片收到了。请再用一句话说说是什么问题、在哪个位置（例如“3号楼2单元楼道灯坏了”），我来登记工单。";
    public const string Thanks = "不客气！有问题随时找我，直接说问题和位置就行。";
    public const string Friendly = "好的😊 有需要随时找我，直接说问题和位置就能登记工单。";

    public static string AskPlaceAgain(string description) =>
        $"您刚才反映的“{Excerpt(description, 24)}”还不知道具体位置，方便说一下在哪个楼栋/位置吗？（例如：5栋2单元门口）不说也没关系，过一会儿会自动取消。";

    public static string PlaceAdded(IReadOnlyList<Ticket> tickets) =>
        string.Join("\n", tickets.Select(t => $"位置已补充：工单 {t.Number} 的位置现为“{t.Place}”。"));

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
        $"（时限：{deadline}前）。\n{CallFirst}\n" +
        $"· 类别：{ticket.Category}\n· 位置：{ticket.Place ?? "未说明，请补充"}\n· 网格：{ticket.Grid?.Name}";

    public const string CallFirst = "如有人员危险，请先拨打 119 / 110 / 120！";

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
