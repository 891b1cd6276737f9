namespace GridBot.Host.Import;

/// <summary>Bounds that keep a hostile or mistaken file from exhausting memory or flooding the report.</summary>
internal static class ImportLimits
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>An XLSX is a zip: a small file can declare gigabytes of XML, so the declared total is checked before ClosedXML inflates it.</summary>
    public const long MaxWorkbookUncompressedBytes = 256L * 1024 * 1024;

    public const int MaxWorkbookEntries = 10_000;

    /// <summary>Far above a district's grids, chats and members, far below what would exhaust memory (50 MB of "{}" is 16 million rows).</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>A file of a million bad rows should produce a readable report, not a million lines.</summary>
    public const int MaxErrors = 500;

    /// <summary>Matches the Grids.Path column.</summary>
    public const int MaxPathLength = 512;

    /// <summary>The import shape is three levels deep; anything deeper is not ours.</summary>
    public const int JsonMaxDepth = 8;
}
