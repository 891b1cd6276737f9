using System.Text.RegularExpressions;
using GridBot.Dialogs.Privacy;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Several problems in one message ("5栋电梯坏了，而且楼下垃圾也没人收") become one part each, so each gets its own
/// ticket, category, place and deadline. A part is a problem of its own when the rules see a different kind of thing
/// (another category's word) than in the part before; anything else stays with the part before it, so
/// "楼道灯坏了，而且好几天了" and "垃圾桶满了。臭死了" are one report each.
/// </summary>
public sealed partial class ReportSplitter(KeywordTicketUnderstander rules)
{
    private const int MaxParts = 4;

    public IReadOnlyList<string> Split(string text)
    {
        var pieces = Boundary().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (pieces.Count < 2 || pieces.Count > MaxParts * 2)
        {
            return [text];
        }

        var parts = new List<string>();
        var lead = "";
        TaxonomyCategory? previous = null;
        foreach (var piece in pieces)
        {
            // A new part starts with a different kind of thing than the part before ("8栋路灯不亮，另外门口井盖也松了");
            // the same kind again ("垃圾桶满了。臭死了") says more about the same problem.
            var signals = rules.Analyze(PersonalDataMask.Remove(piece));
            var category = signals.KeywordCategory;
            // The first part must name something wrong: "各位邻居好，我是12栋3单元的业主，有个事想说一下。" names a thing
            // (邻居) and no problem, so it is the lead of the problem that follows, not a quarrel of its own.
            if (category is not null && (parts.Count == 0 ? signals.Problem || signals.Urgent : category != previous))
            {
                // Words before the first problem ("跟大家说一下，") belong to it.
                parts.Add(lead.Length == 0 ? piece : lead + (lead[^1] is '：' or ':' ? "" : "，") + piece);
                lead = "";
                previous = category;
            }
            else if (parts.Count > 0)
            {
                parts[^1] = parts[^1] + "，" + piece;
            }
            else
            {
                lead = lead.Length > 0 ? lead + "，" + piece : piece;
            }
        }

        return parts.Count is >= 2 and <= MaxParts ? parts : [text];
    }

    /// <summary>"5栋电梯" → "5栋": the building or road a sibling part names, for a part that names none.</summary>
    public static string? Anchor(string? place)
    {
        if (PlaceParser.Parse(place) is not { } detail)
        {
            return null;
        }

        var anchor = string.Concat(detail.Estate, detail.Road, detail.Building, detail.Unit);
        return anchor.Length == 0 ? null : anchor;
    }

    /// <summary>A spot in the part itself ("楼下", "门口") that only makes sense next to the sibling's anchor.</summary>
    public static string? Spot(string part) => SpotPattern().Match(part) is { Success: true } m ? m.Value : null;

    // Connectors that start another problem, and sentence ends; a plain comma never splits ("垃圾桶满了，臭得很").
    [GeneratedRegex(@"[，,、\s]*(?:而且|并且|还有就是|还有|另外|此外|再就是|再有|以及|同时|[一二三四]是|第[一二三四](?:个|件)?|其[一二三])[，,：:\s]*|[；;。！!？?\n]+",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"楼下|楼上|楼顶|楼道|楼梯|电梯|门口|大门|地下室|车库|停车场|车棚|垃圾站|垃圾房|快递柜|绿化带|花坛|路口|天台",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex SpotPattern();
}
