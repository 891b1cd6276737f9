using Microsoft.Extensions.Options;

namespace GridBot.Host.Configuration;

internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        for (var i = 0; i < options.AllowedServiceUrls.Count; i++)
        {
            var prefix = options.AllowedServiceUrls[i];
            if (!prefix.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !prefix.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return ValidateOptionsResult.Fail($"BotFramework:AllowedServiceUrls:{i} '{prefix}' must start with http:// or https://.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
