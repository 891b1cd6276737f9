using System.Security.Cryptography;
using System.Text;
using GridBot.Host.Configuration;
using Microsoft.Extensions.Options;

namespace GridBot.Host.StaffConsole;

/// <summary>Matches a presented token against Api:Tokens and Console:Tokens in fixed time and says what it may see.</summary>
public sealed class StaffTokens(IOptions<ApiOptions> api, IOptions<ConsoleOptions> console)
{
    public IEnumerable<StaffToken> All => api.Value.Tokens.Concat(console.Value.Tokens).Select(StaffToken.Parse);

    /// <returns>The matching token, or null.</returns>
    public StaffToken? Match(string presented)
    {
        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        StaffToken? found = null;
        foreach (var token in All)
        {
            // Compare against every token, so timing says nothing about which one (or whether any) matched.
            if (CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(token.Secret)))
            {
                found ??= token;
            }
        }

        return found;
    }
}
