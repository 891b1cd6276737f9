namespace GridBot.Host.StaffConsole;

/// <summary>The staff console at /console: who may sign in and for how long.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>Extra staff tokens ("token" or "token@GRIDCODE"), next to Api:Tokens which accept the same forms.</summary>
    public List<string> Tokens { get; set; } = [];

    /// <summary>How long a signed-in session lasts (the cookie cannot be renewed silently).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts (token form and one-time links) one client address may make per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 5;
}
