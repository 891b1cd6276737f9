namespace GridBot.Host.StaffConsole;

/// <summary>
/// One staff token from configuration: "token" (every grid, as Api:Tokens always meant) or "token@GRIDCODE"
/// (that grid's subtree only). The same entries open the ticket API and the console.
/// </summary>
public sealed record StaffToken(string Secret, string? GridCode)
{
    public static StaffToken Parse(string entry)
    {
        var at = entry.LastIndexOf('@');
        return at > 0 && at < entry.Length - 1 ? new StaffToken(entry[..at], entry[(at + 1)..]) : new StaffToken(entry, null);
    }
}
