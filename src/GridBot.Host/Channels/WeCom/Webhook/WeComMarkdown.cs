using GridBot.Dialogs.Texts;
namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>Fits a list of lines (tickets in a digest, say) into WeCom's byte limit without cutting a line or a character.</summary>
public static class WeComMarkdown
{
    public static string Fit(IReadOnlyList<string> lines, int maxBytes)
    {
        var all = string.Join('\n', lines);
        if (Utf8Text.ByteCount(all) <= maxBytes)
        {
            return all;
        }

        // Keep whole lines while the text plus the tail for the rest still fits; the tail's digits grow as lines drop,
        // so it is measured for each candidate.
        var kept = new List<string>();
        var used = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var size = Utf8Text.ByteCount(line) + (kept.Count > 0 ? 1 : 0);
            var tail = Tail(lines.Count - i - 1);
            if (used + size + Utf8Text.ByteCount(tail) + 1 > maxBytes)
            {
                break;
            }

            kept.Add(line);
            used += size;
        }

        var rest = lines.Count - kept.Count;
        if (kept.Count == 0)
        {
            // Even the first line is too long: it is cut between characters, the tail still counts the others.
            var tail = Tail(rest - 1);
            var room = maxBytes - Utf8Text.ByteCount("…") - (tail.Length > 0 ? Utf8Text.ByteCount(tail) + 1 : 0);
            return Utf8Text.Truncate(lines[0], room) + "…" + (tail.Length > 0 ? "\n" + tail : "");
        }

        return string.Join('\n', kept) + "\n" + Tail(rest);
    }

    private static string Tail(int rest) => rest > 0 ? $"…另有 {rest} 条" : "";
}
