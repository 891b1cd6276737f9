namespace GridBot.Host.Import;

/// <summary>
/// A row as read from a file, before any checks: values keyed by canonical field name, trimmed, empty as null.
/// <paramref name="Label"/> locates rows that have no natural line ("members[3]" in JSON).
/// </summary>
internal sealed record ImportRow(ImportKind Kind, string File, int Line, string? Label, IReadOnlyDictionary<string, string?> Values)
{
    public string? this[string field] => Values.GetValueOrDefault(field);

    /// <summary>"members[3]：" before a message, so a JSON row is found by index as well as by line.</summary>
    public string Prefix => Label is null ? "" : Label + "：";
}
