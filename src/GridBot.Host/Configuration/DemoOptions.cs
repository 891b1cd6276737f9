using System.ComponentModel.DataAnnotations;

namespace GridBot.Host.Configuration;

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Load the demo grids, chats and people when the database has no grids yet.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// With the demo grids, also write a month of history (reports, dispatches, closures, ratings, urges, escalations,
    /// announcements with 回执, huddles, meetings), so the console, charts, ledger and digests have something to show.
    /// </summary>
    public bool History { get; set; } = true;

    /// <summary>How many days back the history starts, ending now.</summary>
    [Range(7, 90, ErrorMessage = "Demo:HistoryDays must be between 7 and 90.")]
    public int HistoryDays { get; set; } = 30;
}
