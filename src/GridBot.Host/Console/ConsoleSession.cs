namespace GridBot.Host.StaffConsole;

/// <summary>
/// A signed-in console user, carried in an encrypted HttpOnly cookie (nothing to look up per request). A session
/// from a one-time link names the staff member (Channel, UserId), who then acts on tickets under their own name; a
/// session from a bare token has a scope but no person, so it reads and exports but does not act.
/// </summary>
public sealed record ConsoleSession(string Name, string? ScopeCode, string? Channel, string? UserId, string Csrf)
{
    public bool CanAct => Channel is not null && UserId is not null;
}
