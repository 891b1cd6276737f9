using System.Text;
using GridBot.Dialogs.Tickets;

namespace GridBot.Dialogs.Appeals;

/// <summary>
/// What a question is about, without the way it is asked: "请问医保在哪里交？" → core "医保交", topic terms ["医保"].
/// The core is compared with stored questions; the terms are what the announcement search is given.
/// </summary>
public static class QuestionTerms
{
    // Longest first, so "在哪里" goes before "哪里" and leaves nothing behind.
    private static readonly string[] Asking =
    [
        .. new[]
        {
            "请问一下", "请问", "想问一下", "想问下", "想问", "问一下", "问下", "咨询一下", "咨询", "我想知道", "想知道", "谁知道", "有没有人知道",
            "在哪里", "在哪儿", "在哪", "去哪里", "去哪儿", "去哪", "哪里", "哪儿", "怎么样", "怎么", "如何", "什么时候", "什么", "需要", "可以",
            "能不能", "可不可以", "是否", "有没有", "一下", "我们", "我家", "我", "吗", "呢", "啊", "呀", "吧", "的", "了", "要", "能", "是",
        }.OrderByDescending(w => w.Length),
    ];

    /// <summary>Words every question about a service shares; on their own they find every announcement.</summary>
    private static readonly HashSet<string> Generic = ["申请", "办理", "办", "交", "缴费", "材料", "手续", "流程", "时间", "地点", "社区", "标准", "条件", "费用"];

    public static string Core(string text)
    {
        var normalized = KeywordTicketUnderstander.Normalize(text);
        var kept = new StringBuilder(normalized.Length);
        foreach (var segment in Segments(normalized))
        {
            kept.Append(segment);
        }

        return kept.ToString();
    }

    /// <summary>The topic words of a question (医保, 居住证), longest first, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<string> Topics(string text, int max) =>
        Segments(KeywordTicketUnderstander.Normalize(text))
            .Select(s => Generic.Aggregate(s, (rest, word) => rest.Replace(word, " ", StringComparison.Ordinal)))
            .SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(s => s.Length is >= 2 and <= 12)
            .Distinct()
            .OrderByDescending(s => s.Length)
            .Take(max)
            .ToList();

    private static IEnumerable<string> Segments(string normalized)
    {
        var text = Asking.Aggregate(normalized, (rest, word) => rest.Replace(word, " ", StringComparison.Ordinal));
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
