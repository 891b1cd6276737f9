namespace GridBot.Dialogs.StaffConsole;

/// <summary>Where the console is reached from outside (the link the 控制台 command sends) and how long a link lives.</summary>
public sealed class ConsoleLinkOptions
{
    public const string SectionName = "Console";

    /// <summary>"https://grid.example.gov.cn": the base the link is built on. Empty = the command explains it is not set up.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
