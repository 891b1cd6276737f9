using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.StaffConsole;

internal sealed class ConsoleLinkOptionsValidator : IValidateOptions<ConsoleLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleLinkOptions options)
    {
        if (options.PublicBaseUrl.Length > 0 &&
            (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0))
        {
            return ValidateOptionsResult.Fail("Console:PublicBaseUrl must be an absolute http(s) URL without a query, e.g. https://grid.example.gov.cn.");
        }

        return options.LinkLifetime < TimeSpan.FromMinutes(1) || options.LinkLifetime > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail("Console:LinkLifetime must be between 00:01:00 and 01:00:00.")
            : ValidateOptionsResult.Success;
    }
}
