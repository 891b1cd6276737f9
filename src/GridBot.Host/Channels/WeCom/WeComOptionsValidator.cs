using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom;

/// <summary>A bad WeCom setting fails the start with the key's name, never the secret's value.</summary>
internal sealed class WeComOptionsValidator : IValidateOptions<WeComOptions>
{
    public ValidateOptionsResult Validate(string? name, WeComOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add($"WeCom:ApiBaseUrl '{options.ApiBaseUrl}' must be an absolute http(s) URL.");
        }

        if (options.TimestampWindow < TimeSpan.FromSeconds(30) || options.TimestampWindow > TimeSpan.FromHours(1))
        {
            errors.Add("WeCom:TimestampWindow must be between 30 seconds and 1 hour.");
        }

        if (options.Webhook.PermitsPerWindow is < 1 or > 1000 || options.Webhook.Window <= TimeSpan.Zero)
        {
            errors.Add("WeCom:Webhook:PermitsPerWindow must be 1-1000 and WeCom:Webhook:Window positive (WeCom: 20 per 00:01:00).");
        }

        if (options.Webhook.AttemptTimeout <= TimeSpan.Zero)
        {
            errors.Add("WeCom:Webhook:AttemptTimeout must be positive.");
        }

        if (!Enum.IsDefined(options.AiBot.Mode))
        {
            errors.Add($"WeCom:AiBot:Mode '{options.AiBot.Mode}' must be Callback or LongConnection.");
        }

        if (options.AiBot.IsConfigured)
        {
            RequireToken(errors, "WeCom:AiBot:Token", options.AiBot.Token);
            RequireAesKey(errors, "WeCom:AiBot:EncodingAesKey", options.AiBot.EncodingAesKey);
            if (options.AiBot.ReplyBudget < TimeSpan.FromMilliseconds(100) || options.AiBot.ReplyBudget > TimeSpan.FromSeconds(4))
            {
                errors.Add("WeCom:AiBot:ReplyBudget must be between 100 ms and 4 s (WeCom drops slower passive replies).");
            }
        }

        if (options.AiBot.IsLongConnection)
        {
            AiBotLongConnectionOptionsValidator.Validate(options.AiBot, errors);
        }

        if (options.App.IsConfigured)
        {
            if (options.CorpId.Length == 0)
            {
                errors.Add("WeCom:CorpId is required when WeCom:App is configured (it is the app callback's receiveid).");
            }

            RequireToken(errors, "WeCom:App:Token", options.App.Token);
            RequireAesKey(errors, "WeCom:App:EncodingAesKey", options.App.EncodingAesKey);
            if (options.App.AgentId <= 0)
            {
                errors.Add("WeCom:App:AgentId must be the app's positive AgentId from the admin console.");
            }

            if (options.App.Secret.Length == 0)
            {
                errors.Add("WeCom:App:Secret is required when WeCom:App is configured (message/send needs an access token).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireToken(List<string> errors, string key, string token)
    {
        if (token.Length is 0 or > 32 || !token.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add($"{key} must be 1-32 letters or digits, as the WeCom console generates it.");
        }
    }

    private static void RequireAesKey(List<string> errors, string key, string value)
    {
        if (value.Length != 43)
        {
            errors.Add($"{key} must be exactly 43 characters (got {value.Length}).");
        }
        else if (!value.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add($"{key} may only contain letters and digits.");
        }
    }
}
