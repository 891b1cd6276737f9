using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.Kf;

internal sealed class KfOptionsValidator(IOptions<WeComOptions> wecom) : IValidateOptions<KfOptions>
{
    public ValidateOptionsResult Validate(string? name, KfOptions options)
    {
        if (options.OpenKfId.Length == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.OpenKfId.Length > 64 || !options.OpenKfId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            errors.Add($"WeCom:Kf:OpenKfId '{options.OpenKfId}' is not an open_kfid (letters, digits, '_' or '-', at most 64).");
        }

        if (!wecom.Value.App.IsConfigured)
        {
            errors.Add("WeCom:Kf:OpenKfId needs WeCom:App: kf is called with the self-built app's token and calls back on its URL.");
        }

        if (string.IsNullOrWhiteSpace(options.LinkFolder))
        {
            errors.Add("WeCom:Kf:LinkFolder must name a folder for the QR codes.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
