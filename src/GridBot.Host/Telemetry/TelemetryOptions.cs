namespace GridBot.Host.Telemetry;

public enum TelemetryExporter
{
    /// <summary>Metrics and spans are still produced (dotnet-counters and a debugger can see them), not exported.</summary>
    None,
    Console,
    Otlp,
}

public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The collector for <see cref="TelemetryExporter.Otlp"/>, e.g. http://127.0.0.1:4317 (gRPC) or :4318 with HTTP.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
