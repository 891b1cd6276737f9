using GridBot.Dialogs.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GridBot.Host.Telemetry;

/// <summary>OpenTelemetry for GridBot's meter and spans plus ASP.NET Core and HttpClient, exported as configured.</summary>
internal static class TelemetryHostingExtensions
{
    public static IHostApplicationBuilder AddGridBotTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<TelemetryOptions, TelemetryOptionsValidator>(builder.Configuration, TelemetryOptions.SectionName);

        // Read once here, validated: exporters are fixed at start, like every other wiring choice, and a bad value must
        // stop the start before the exporters are wired from it.
        var options = builder.Configuration.ReadValidatedOptions<TelemetryOptions, TelemetryOptionsValidator>(TelemetryOptions.SectionName);
        if (options.Exporter == TelemetryExporter.None)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GridBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (options.Exporter == TelemetryExporter.Console)
                {
                    metrics.AddConsoleExporter();
                }
                else
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint!);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(GridBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (options.Exporter == TelemetryExporter.Console)
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint!);
                }
            });
        return builder;
    }
}
