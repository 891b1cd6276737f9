using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.Observability;

/// <summary>/readyz names each dependency it checked; GridBot's meter counts what the bot did.</summary>
public sealed class ReadinessAndMetricsTests
{
    [Fact]
    public async Task ReadinessChecksTheDatabaseRedisAndTheRunningScheduler()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, $"--Redis:Configuration={TestRedis.Configuration}", $"--Redis:KeyPrefix={TestRedis.NewPrefix()}");

        var (status, body) = await ReadyAsync(host, ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("up", body["database"]!.GetValue<string>());
        Assert.Equal("up", body["redis"]!.GetValue<string>());
        Assert.Equal("up", body["quartz"]!.GetValue<string>());
        Assert.NotNull(body["calendar"]!["level"]);
    }

    [Fact]
    public async Task AReportIsCountedAsAMessageInAndATicketMadeWithItsTurnTimed()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var measured = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        // Other tests' hosts share the process and the meter's name; only this host's factory is listened to.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "GridBot" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(measured, instrument.Name, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(measured, instrument.Name, value, tags));
        listener.Start();

        await host.Chat("demo-c01-g01").SayAsync(Person.Resident("张阿姨"), "3号楼2单元楼道灯坏了好几天了", ct);

        lock (measured)
        {
            var messageIn = Assert.Single(measured, m => m.Instrument == "gridbot.messages.in");
            Assert.Equal("demo", messageIn.Tags["channel"]);
            Assert.Equal(1, Assert.Single(measured, m => m.Instrument == "gridbot.tickets.created").Value);
            Assert.InRange(Assert.Single(measured, m => m.Instrument == "gridbot.turn.duration").Value, 0.001, 60_000);
            // Tags name channels and kinds, never people or what they said.
            Assert.DoesNotContain(measured.SelectMany(m => m.Tags.Values), v => v is string s && s.Contains("楼道灯", StringComparison.Ordinal));
        }
    }

    private static void Record(List<(string, double, Dictionary<string, object?>)> measured, string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (measured)
        {
            measured.Add((name, value, copy));
        }
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReadyAsync(GridBotTestHost host, CancellationToken cancellationToken)
    {
        // The scheduler starts once the application has started; readiness says "down" until then, which is its job.
        while (true)
        {
            using var response = await host.Http.GetAsync("/readyz", cancellationToken);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            if (response.StatusCode == HttpStatusCode.OK || body["quartz"]!.GetValue<string>() == "up")
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
