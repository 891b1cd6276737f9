using GridBot.Dialogs.Texts;
using System.Text;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// Renders an announcement as one message per part, each within the channel's byte limit (UTF-8: a Chinese character
/// is three bytes). Lines stay whole where they fit; a longer line is cut between characters, never inside one; every
/// part carries the header with（i/n）, so nothing is cut off silently and a reader can tell a part is missing.
/// </summary>
public static class AnnouncementParts
{
    // "（99/99）" at its widest: the header's room is reserved before n is known.
    private static readonly int CounterReserve = Encoding.UTF8.GetByteCount("（999/999）");

    public static IReadOnlyList<string> Render(int number, string title, string body, string footer, int maxBytes)
    {
        var header = $"【公告 {number}】{title}";
        var room = maxBytes - Encoding.UTF8.GetByteCount(header) - CounterReserve - 1 - Encoding.UTF8.GetByteCount(footer) - 1;
        if (room < 256)
        {
            throw new ArgumentException($"A limit of {maxBytes} bytes leaves no room for the body.", nameof(maxBytes));
        }

        var chunks = new List<string>();
        var current = new StringBuilder();
        var used = 0;
        foreach (var line in Pieces(body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n'), room))
        {
            var size = Encoding.UTF8.GetByteCount(line) + (current.Length > 0 ? 1 : 0);
            if (used + size > room && current.Length > 0)
            {
                chunks.Add(current.ToString());
                current.Clear();
                used = 0;
                size = Encoding.UTF8.GetByteCount(line);
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
            used += size;
        }

        chunks.Add(current.ToString());
        var parts = new List<string>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var counter = chunks.Count > 1 ? $"（{i + 1}/{chunks.Count}）" : "";
            var tail = i == chunks.Count - 1 ? "\n" + footer : "";
            parts.Add($"{header}{counter}\n{chunks[i]}{tail}");
        }

        return parts;
    }

    /// <summary>The body's lines, with any line longer than the room cut into pieces between whole characters.</summary>
    private static IEnumerable<string> Pieces(IEnumerable<string> lines, int room)
    {
        foreach (var line in lines)
        {
            var rest = line;
            while (Encoding.UTF8.GetByteCount(rest) > room)
            {
                var cut = Utf8Text.PrefixLength(rest, room);
                yield return rest[..cut];
                rest = rest[cut..];
            }

            yield return rest;
        }
    }
}
