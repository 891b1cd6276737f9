using System.Text;

namespace GridBot.Dialogs.Texts;

/// <summary>Channel limits (WeCom's above all) count UTF-8 bytes (a Chinese character is 3), so cuts happen on byte counts, never mid-character.</summary>
public static class Utf8Text
{
    public static int ByteCount(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>The longest prefix of <paramref name="text"/> that fits <paramref name="maxBytes"/>, cut between whole characters.</summary>
    public static string Truncate(string text, int maxBytes) =>
        Encoding.UTF8.GetByteCount(text) <= maxBytes ? text : text[..PrefixLength(text, maxBytes)];

    /// <summary>How many UTF-16 units of <paramref name="text"/> fit <paramref name="maxBytes"/>, cut between whole characters.</summary>
    public static int PrefixLength(string text, int maxBytes)
    {
        var bytes = 0;
        var end = 0;
        while (end < text.Length)
        {
            // A surrogate pair is one character (4 bytes): keep or drop both halves together.
            var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length && char.IsLowSurrogate(text[end + 1]) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            end += width;
        }

        return end;
    }
}
