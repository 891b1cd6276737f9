using System.Text.RegularExpressions;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Finds the place as the resident wrote it ("3号楼2单元楼道", "解放路12号", "阳光花园东门"). Generic spots
/// (楼道, 电梯, 门口) only count next to a specific anchor: "楼道灯坏了" alone does not say which building.
/// </summary>
public static partial class PlaceExtractor
{
    private const int MaxInput = 2000;

    public static string? Extract(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var input = text.Length > MaxInput ? text[..MaxInput] : text;
        var spans = new List<(int Start, int End, bool Specific)>();
        foreach (Match m in Specific().Matches(input))
        {
            spans.Add((m.Index, m.Index + m.Length, true));
        }

        if (spans.Count == 0)
        {
            return null;
        }

        foreach (Match m in Generic().Matches(input))
        {
            spans.Add((m.Index, m.Index + m.Length, false));
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        // Merge runs that touch (one joining character allowed, as in "3号楼 2单元" or "3号楼的楼道").
        var runs = new List<(int Start, int End, bool Specific)>();
        foreach (var span in spans)
        {
            if (runs.Count > 0 && span.Start <= runs[^1].End + 1)
            {
                var last = runs[^1];
                runs[^1] = (last.Start, Math.Max(last.End, span.End), last.Specific || span.Specific);
            }
            else
            {
                runs.Add(span);
            }
        }

        var best = runs.Where(r => r.Specific).OrderByDescending(r => r.End - r.Start).First();
        var place = input[best.Start..best.End].Trim();
        return place.Length > 60 ? place[..60] : place;
    }

    [GeneratedRegex(
        @"(?:[0-9０-９]+|[一二三四五六七八九十百零两]+)\s*(?:号楼|栋|幢|座|号院|单元|室|层|楼(?![道顶梯下上里])|号门|弄)"
        + @"|[0-9]{3,4}(?=室|房|户|家|$|\s|，|,|。)|(?<=单元|号楼|栋|幢)[0-9]{3,4}"
        + @"|(?:(?![的在了到边上我们这那是楼])\p{IsCJKUnifiedIdeographs}){2,4}(?:路|街|大道|巷|胡同)(?![灯口边上面牙])(?:[0-9]+号)?"
        + @"|(?:(?![的在了到边上我们这那是楼])\p{IsCJKUnifiedIdeographs}){2,4}(?:小区|花园|家园|新村|公寓|大厦|广场|公园|市场|学校|小学|中学|幼儿园|医院|苑|府|庭)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Specific();

    [GeneratedRegex(
        @"(?:[东西南北]|东南|东北|西南|西北)?(?:门口|大门|侧门|后门|门)|楼道|楼梯间?|电梯|楼顶|天台|地下室|地下车库|车库|停车场|垃圾站|垃圾房|快递柜|公交站|健身区|篮球场|花坛|绿化带|旁边|对面|附近|路口|拐角",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Generic();
}
