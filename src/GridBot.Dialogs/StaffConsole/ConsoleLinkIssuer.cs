using System.Security.Cryptography;
using System.Text;
using GridBot.Store;
using GridBot.Store.StaffConsole;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.StaffConsole;

/// <summary>Creates one-time sign-in links (only the token's hash is stored) and claims them exactly once.</summary>
public sealed class ConsoleLinkIssuer(GridBotDbContext db, TimeProvider time, IOptions<ConsoleLinkOptions> options)
{
    public const string LinkPath = "/console/link";

    /// <summary>Adds the link row to the caller's unit of work and returns the URL to send, or null when no public base URL is set.</summary>
    public string? Issue(string channel, string userId)
    {
        if (options.Value.PublicBaseUrl.Length == 0)
        {
            return null;
        }

        var token = Base64UrlToken();
        var now = time.GetUtcNow().UtcDateTime;
        db.ConsoleSignInLinks.Add(new ConsoleSignInLink
        {
            TokenHash = Hash(token),
            Channel = channel,
            UserId = userId,
            CreatedUtc = now,
            ExpiresUtc = now + options.Value.LinkLifetime,
        });
        return options.Value.PublicBaseUrl.TrimEnd('/') + LinkPath + "?t=" + token;
    }

    public TimeSpan Lifetime => options.Value.LinkLifetime;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
