using System.Text.RegularExpressions;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Whether a reply to "在哪里？" reads as a place: what the place extractor finds, or a short reply naming a building,
/// road or landmark ("在5栋", "8栋门口", "小区东门那边"). Only the place may be in it, give or take a few filler words:
/// "今天的菜好贵啊" or "楼下超市的菜好贵" are somebody's sentence, not an answer, and never become a ticket's place.
/// </summary>
public static partial class PlaceAnswer
{
    private const int MaxAnswer = 40;
    private const int MaxResidue = 2;

    /// <returns>The place as the resident said it, or null when the reply is not a place.</returns>
    /// <param name="isReport">The reply is a report of its own (a category word and a problem word): not an answer.</param>
    public static string? Read(string text, bool isReport)
    {
        var core = text.Trim();
        if (core.Length == 0 || core.Length > MaxAnswer || isReport)
        {
            return null;
        }

        var extracted = PlaceExtractor.Extract(core);
        var residue = Filler().Replace(PlaceWord().Replace(extracted is null ? core : core.Replace(extracted, "", StringComparison.Ordinal), ""), "");
        residue = Decoration().Replace(residue, "");
        if (residue.Length > MaxResidue || (extracted is null && !PlaceWord().IsMatch(core)))
        {
            return null;
        }

        var place = extracted ?? Trim(core);
        return place.Length == 0 ? null : place;
    }

    /// <summary>"5栋" + "2单元门口" → "5栋2单元门口"; a piece already said adds nothing.</summary>
    public static string Join(string? place, string piece)
    {
        if (string.IsNullOrEmpty(place) || place.Contains(piece, StringComparison.Ordinal))
        {
            return string.IsNullOrEmpty(place) ? piece : place;
        }

        var joined = piece.Contains(place, StringComparison.Ordinal) ? piece : place + piece;
        return joined.Length > 60 ? joined[..60] : joined;
    }

    /// <summary>The reply without the words around a place: "就在小区东门那边。" → "小区东门".</summary>
    private static string Trim(string text)
    {
        var trimmed = Decoration().Replace(text, "");
        trimmed = Leading().Replace(trimmed, "");
        trimmed = Trailing().Replace(trimmed, "");
        return trimmed.Length > 60 ? trimmed[..60] : trimmed;
    }

    // Places people name without a number: parts of a building or an estate, and everyday landmarks.
    [GeneratedRegex(
        @"[0-9０-９一二三四五六七八九十两]+\s*(?:号楼|号|栋|幢|座|单元|楼|层|室)|(?:[东西南北]|东南|东北|西南|西北)?(?:门口|大门|侧门|后门|小门|门)|小区|楼下|楼上|楼顶|楼道|楼梯|楼后|楼前|天台|电梯|地下室|车库|停车场|车棚|垃圾站|垃圾房|快递柜|公交站|路口|拐角|路边|马路|广场|公园|花园|花坛|绿化带|健身区|篮球场|超市|菜场|菜市场|市场|幼儿园|学校|医院|物业|岗亭|保安亭|活动室|商铺|桥|河边|池塘|[东西南北]边|[东西南北]侧|旁边|对面|附近|后面|前面|里面|中间|那头|这头|(?:进来|进去|进门)?(?:往里|往前)?走?(?:右手边|左手边|右手|左手|右边|左边|右侧|左侧)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex PlaceWord();

    [GeneratedRegex(@"就在|在|就是|是|位置|地址|我们|咱们|我家|那个|这个|那边|这边|那里|这里|那儿|这儿|一带|的|呢|啊|呀|吧|哦|哈|嘛|啦|了|麻烦|尽快|赶紧|快点|处理|一下|谢谢",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Filler();

    [GeneratedRegex(@"[\s\p{P}\p{S}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Decoration();

    [GeneratedRegex(@"^(?:就在|在|就是|是|位置是|地址是|位置|地址)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Leading();

    [GeneratedRegex(@"(?:那边|这边|那里|这里|那儿|这儿|一带|呢|啊|呀|吧|哦|啦)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Trailing();
}
