namespace GridBot.Host.Import;

/// <summary>Byte offset → 1-based line, by binary search over newline offsets found once per file; Utf8JsonReader only knows offsets.</summary>
internal sealed class JsonLineIndex
{
    private readonly List<long> _newlines = [];

    public JsonLineIndex(ReadOnlyMemory<byte> json)
    {
        var span = json.Span;
        var offset = 0;
        int next;
        while ((next = span[offset..].IndexOf((byte)'\n')) >= 0)
        {
            _newlines.Add(offset + next);
            offset += next + 1;
        }
    }

    public int Of(long offset)
    {
        var index = _newlines.BinarySearch(offset);
        return (index >= 0 ? index : ~index) + 1;
    }
}
