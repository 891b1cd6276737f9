using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// Recognises an acknowledgement: 收到 / 已阅 / 已读 (and 收到了, 已收到, 已阅读), with any punctuation, spaces or emoji
/// around ("收到！", "已阅👍"). A WeCom quote-reply arrives as "收到\n（引用：…）": the quoted text is returned apart,
/// so the announcement it quotes can be found by its 【公告 N】 header.
/// </summary>
public static partial class AckWords
{
    private static readonly HashSet<string> Words = ["收到", "收到了", "已收到", "已阅", "已读", "已阅读", "ok收到", "好的收到", "收到谢谢"];

    public static bool IsAck(string text, out string? quoted)
    {
        quoted = null;
        var words = text;
        var quote = text.IndexOf("（引用：", StringComparison.Ordinal);
        if (quote >= 0)
        {
            quoted = text[(quote + 4)..].TrimEnd('）');
            words = text[..quote];
        }

        return Words.Contains(Normalize(words));
    }

    /// <summary>The number in a quoted announcement's header, "【公告 12】…".</summary>
    public static int? QuotedNumber(string? quoted) =>
        quoted is not null && HeaderPattern().Match(quoted) is { Success: true } m && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Normalize(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var drop = Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune)
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate;
            if (!drop)
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString().ToLowerInvariant();
    }

    [GeneratedRegex(@"【公告\s*(\d{1,9})】", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex HeaderPattern();
}
