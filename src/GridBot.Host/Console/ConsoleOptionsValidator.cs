using Microsoft.Extensions.Options;

namespace GridBot.Host.StaffConsole;

internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            var token = StaffToken.Parse(options.Tokens[i] ?? "");
            if (token.Secret.Length < 16 || token.Secret.Any(char.IsWhiteSpace))
            {
                return ValidateOptionsResult.Fail($"Console:Tokens:{i} must be at least 16 characters without spaces (\"token\" or \"token@GRIDCODE\").");
            }
        }

        if (options.SessionLifetime < TimeSpan.FromMinutes(5) || options.SessionLifetime > TimeSpan.FromDays(7))
        {
            return ValidateOptionsResult.Fail("Console:SessionLifetime must be between 00:05:00 and 7.00:00:00.");
        }

        return options.SignInAttemptsPerMinute is < 1 or > 1000
            ? ValidateOptionsResult.Fail("Console:SignInAttemptsPerMinute must be between 1 and 1000.")
            : ValidateOptionsResult.Success;
    }
}
