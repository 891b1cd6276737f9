using System.Text.RegularExpressions;
using GridBot.Dialogs.Privacy;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Several problems in one message ("5栋电梯坏了，而且楼下垃圾也没人收") become one part each, so each gets its own
/// ticket, category, place and deadline. A part counts as a problem of its own only when the rules see both what
/// (a category word) and that it is wrong (a problem or urgency word); anything else stays with the part before it,
/// so "楼道灯坏了，而且好几天了" is one report.
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
        foreach (var piece in pieces)
        {
            if (IsStandalone(piece))
            {
                // Words before the first problem ("跟大家说一下，") belong to it.
                parts.Add(lead.Length > 0 ? lead + "，" + piece : piece);
                lead = "";
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

    private bool IsStandalone(string piece)
    {
        var signals = rules.Analyze(PersonalDataMask.Remove(piece));
        return signals.KeywordCategory is not null && (signals.Problem || signals.Urgent);
    }

    // Connectors that start another problem, and sentence ends; a plain comma never splits ("垃圾桶满了，臭得很").
    [GeneratedRegex(@"[，,、\s]*(?:而且|并且|还有就是|还有|另外|此外|再就是|再有|以及|同时)[，,\s]*|[；;。！!？?\n]+",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"楼下|楼上|楼顶|楼道|楼梯|电梯|门口|大门|地下室|车库|停车场|车棚|垃圾站|垃圾房|快递柜|绿化带|花坛|路口|天台",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex SpotPattern();
}
