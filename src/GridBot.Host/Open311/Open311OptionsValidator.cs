using Microsoft.Extensions.Options;

namespace GridBot.Host.Open311;

internal sealed class Open311OptionsValidator : IValidateOptions<Open311Options>
{
    public ValidateOptionsResult Validate(string? name, Open311Options options)
    {
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            if (options.ApiKeys[i] is not { Length: >= 16 } key || key.Any(char.IsWhiteSpace))
            {
                return ValidateOptionsResult.Fail($"Open311:ApiKeys:{i} must be at least 16 characters without spaces.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
