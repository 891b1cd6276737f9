using Microsoft.Extensions.Options;

namespace GridBot.Host.Digests;

internal sealed class DigestChartOptionsValidator : IValidateOptions<DigestChartOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestChartOptions options) =>
        options.FontFile.Length > 0 && !File.Exists(options.FontFile)
            ? ValidateOptionsResult.Fail($"DigestChart:FontFile '{options.FontFile}' does not exist.")
            : ValidateOptionsResult.Success;
}
