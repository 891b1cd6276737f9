namespace GridBot.Store.StaffConsole;

/// <summary>
/// A one-time console sign-in link the bot sent a staff member privately. Only the SHA-256 of the token is stored,
/// so the table cannot sign anyone in; the row is claimed (UsedUtc set) by the one request that exchanges it.
/// </summary>
public sealed class ConsoleSignInLink
{
    public long Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public required string Channel { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? UsedUtc { get; set; }
}
