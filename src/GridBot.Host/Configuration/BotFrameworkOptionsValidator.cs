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

        if (!options.AuthenticationEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            return ValidateOptionsResult.Fail("BotFramework:MicrosoftAppId must be the Azure Bot's Microsoft App ID (a GUID), or empty to turn authentication off.");
        }

        if (options.MicrosoftAppPassword.Length == 0)
        {
            return ValidateOptionsResult.Fail("BotFramework:MicrosoftAppPassword is required with BotFramework:MicrosoftAppId (the app's client secret).");
        }

        if (options.TenantId.Length > 0 && !Guid.TryParse(options.TenantId, out _))
        {
            return ValidateOptionsResult.Fail("BotFramework:TenantId must be a tenant id (a GUID) or empty for a multi-tenant bot.");
        }

        if (SecureOrLoopback("OpenIdMetadataUrl", options.OpenIdMetadataUrl) is { } metadata)
        {
            return ValidateOptionsResult.Fail(metadata);
        }

        if (options.TokenEndpoint.Length > 0 && SecureOrLoopback("TokenEndpoint", options.TokenEndpoint) is { } token)
        {
            return ValidateOptionsResult.Fail(token);
        }

        if (string.IsNullOrWhiteSpace(options.ValidIssuer) || string.IsNullOrWhiteSpace(options.OAuthScope))
        {
            return ValidateOptionsResult.Fail("BotFramework:ValidIssuer and BotFramework:OAuthScope must not be empty.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            return ValidateOptionsResult.Fail("BotFramework:ClockSkew must be between 00:00:00 and 00:10:00.");
        }

        return options.KeyRefreshMinimum < TimeSpan.FromSeconds(1)
            ? ValidateOptionsResult.Fail("BotFramework:KeyRefreshMinimum must be at least 00:00:01.")
            : ValidateOptionsResult.Success;
    }

    // Keys and tokens fetched over plain HTTP could be swapped on the way; loopback is for the test's fake service.
    private static string? SecureOrLoopback(string setting, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? null
            : $"BotFramework:{setting} '{value}' must be an https:// address (http:// only on loopback).";
}
