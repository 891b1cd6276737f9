namespace GridBot.Host.Configuration;

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Load the demo grids, chats and people when the database has no grids yet.</summary>
    public bool Enabled { get; set; } = true;
}
