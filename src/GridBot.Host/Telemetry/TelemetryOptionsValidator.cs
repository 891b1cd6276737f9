using Microsoft.Extensions.Options;

namespace GridBot.Host.Telemetry;

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options) =>
        options.Exporter == TelemetryExporter.Otlp && options.OtlpEndpoint is not { IsAbsoluteUri: true, Scheme: "http" or "https" }
            ? ValidateOptionsResult.Fail("Telemetry:OtlpEndpoint must be an absolute http(s) URL when Telemetry:Exporter is Otlp.")
            : ValidateOptionsResult.Success;
}
