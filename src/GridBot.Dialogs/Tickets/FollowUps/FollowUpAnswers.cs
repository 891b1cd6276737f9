namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>Short answers to the questions the follow-ups ask back: yes, no, cancel, a number from a list.</summary>
internal static class FollowUpAnswers
{
    private static readonly HashSet<string> Yes = ["是", "是的", "确认", "确定", "对", "对的", "好", "好的", "嗯", "嗯嗯", "行", "可以", "yes", "y", "ok"];

    // "撤回" says yes to "确认撤回吗？" only: to "是要催办吗？" it is no yes.
    private static readonly HashSet<string> YesWithdraw = ["撤回", "撤吧", "撤了吧", "撤"];
    private static readonly HashSet<string> YesUrge = ["催", "催吧", "催一下", "催办", "帮我催一下"];
    private static readonly HashSet<string> No = ["不", "不是", "不要", "不撤", "不撤了", "别撤", "保留", "继续", "继续办", "继续处理", "否", "no", "n"];
    private static readonly HashSet<string> Cancel = ["取消", "算了", "cancel", "/cancel"];

    public static string Normalize(string text) => text.Trim().TrimEnd('。', '!', '！', '.', '~', '，', ',').ToLowerInvariant();

    public static bool IsYesToWithdraw(string answer) => Yes.Contains(answer) || YesWithdraw.Contains(answer);

    public static bool IsYesToUrge(string answer) => Yes.Contains(answer) || YesUrge.Contains(answer);

    public static bool IsNo(string answer) => No.Contains(answer);

    public static bool IsCancel(string answer) => Cancel.Contains(answer);

    /// <summary>"2", "第2个", "２" or a ticket's tail ("0003") among the numbers offered.</summary>
    public static string? Choice(string answer, IReadOnlyList<string> numbers)
    {
        var digits = new string([.. answer.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).Where(char.IsAsciiDigit)]);
        if (digits.Length == 0 || answer.Length > 12)
        {
            return null;
        }

        if (digits.Length <= 2 && int.TryParse(digits, out var index) && index >= 1 && index <= numbers.Count)
        {
            return numbers[index - 1];
        }

        var byTail = numbers.Where(n => n.EndsWith(digits, StringComparison.Ordinal)).ToList();
        return byTail.Count == 1 ? byTail[0] : null;
    }
}
