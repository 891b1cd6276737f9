using GridBot.Host.StaffConsole;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Configuration;

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            // "token@GRIDCODE" limits a token to a grid subtree (StaffToken); the secret part carries the length rule.
            if (options.Tokens[i] is not { } entry || StaffToken.Parse(entry).Secret is not { Length: >= 16 } secret || secret.Any(char.IsWhiteSpace))
            {
                return ValidateOptionsResult.Fail($"Api:Tokens:{i} must be at least 16 characters without spaces (\"token\" or \"token@GRIDCODE\").");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
