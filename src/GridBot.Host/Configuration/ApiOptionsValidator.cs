using Microsoft.Extensions.Options;

namespace GridBot.Host.Configuration;

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            if (options.Tokens[i] is not { Length: >= 16 } token || token.Any(char.IsWhiteSpace))
            {
                return ValidateOptionsResult.Fail($"Api:Tokens:{i} must be at least 16 characters without spaces.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
