using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// Writes and reads the session cookie: JSON sealed by ASP.NET Core Data Protection with its expiry inside, so a
/// copied cookie dies with the session and a tampered one is simply not a session. HttpOnly keeps it from scripts,
/// SameSite=Strict keeps other sites' forms from sending it.
/// </summary>
public sealed class ConsoleSessionCookie(IDataProtectionProvider protection, IOptions<ConsoleOptions> options, TimeProvider time)
{
    public const string Name = "gridbot_console";

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("GridBot.Console.Session").ToTimeLimitedDataProtector();

    public ConsoleSession Start(HttpContext http, string name, string? scopeCode, string? channel, string? userId)
    {
        var session = new ConsoleSession(name, scopeCode, channel, userId, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        var expires = time.GetUtcNow() + options.Value.SessionLifetime;
        var sealedValue = protector.Protect(JsonSerializer.Serialize(session), expires);
        http.Response.Cookies.Append(Name, sealedValue, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = expires,
        });
        return session;
    }

    public ConsoleSession? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var sealedValue) || string.IsNullOrEmpty(sealedValue))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ConsoleSession>(protector.Unprotect(sealedValue, out var expires)) is { } session && expires > time.GetUtcNow()
                ? session
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void End(HttpContext http) => http.Response.Cookies.Delete(Name, new CookieOptions { Path = "/" });
}
