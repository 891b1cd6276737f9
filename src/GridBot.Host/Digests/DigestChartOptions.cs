namespace GridBot.Host.Digests;

/// <summary>The weekly digest's chart image.</summary>
public sealed class DigestChartOptions
{
    public const string SectionName = "DigestChart";

    /// <summary>A font file with Chinese glyphs (.ttf/.ttc/.otf). Empty = the first of the usual Debian CJK fonts found.</summary>
    public string FontFile { get; set; } = "";
}
