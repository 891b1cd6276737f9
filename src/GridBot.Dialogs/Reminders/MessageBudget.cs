using System.Text;

namespace GridBot.Dialogs.Reminders;

/// <summary>
/// Keeps a message under a channel's byte limit (WeCom markdown counts UTF-8 bytes: a Chinese character is three),
/// dropping whole lines and saying how many were dropped instead of cutting one in half.
/// </summary>
public sealed class MessageBudget(int maxBytes)
{
    private readonly StringBuilder text = new();
    private int bytes;

    public int Dropped { get; private set; }

    /// <summary>Adds the line when it fits under the limit minus <paramref name="reserve"/>; otherwise counts it as dropped.</summary>
    public bool TryAdd(string line, int reserve)
    {
        var size = Encoding.UTF8.GetByteCount(line) + 1;
        if (Dropped > 0 || bytes + size > maxBytes - reserve)
        {
            Dropped++;
            return false;
        }

        text.Append(line).Append('\n');
        bytes += size;
        return true;
    }

    /// <summary>Adds a line that must be there (the tail reserved for it by earlier calls).</summary>
    public void Add(string line)
    {
        text.Append(line).Append('\n');
        bytes += Encoding.UTF8.GetByteCount(line) + 1;
    }

    public static int SizeOf(IEnumerable<string> lines) => lines.Sum(l => Encoding.UTF8.GetByteCount(l) + 1);

    public override string ToString() => text.ToString().TrimEnd('\n');
}
