using Microsoft.Extensions.Options;

namespace GridBot.Host.Telemetry;

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        // The binder takes any number for an enum ("Telemetry:Exporter=7"): a value with no exporter behind it.
        if (!Enum.IsDefined(options.Exporter))
        {
            return ValidateOptionsResult.Fail($"Telemetry:Exporter '{options.Exporter}' must be None, Console or Otlp.");
        }

        return options.Exporter == TelemetryExporter.Otlp && options.OtlpEndpoint is not { IsAbsoluteUri: true, Scheme: "http" or "https" }
            ? ValidateOptionsResult.Fail("Telemetry:OtlpEndpoint must be an absolute http(s) URL when Telemetry:Exporter is Otlp.")
            : ValidateOptionsResult.Success;
    }
}
