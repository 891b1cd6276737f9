using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GridBot.Dialogs.Digests;
using GridBot.Dialogs.Time;
using GridBot.Host.Endpoints;

namespace GridBot.Host.Cli;

/// <summary>digest --scope &lt;code&gt; [--period daily|weekly] [--date yyyy-MM-dd]: the same JSON as GET /api/digests.</summary>
internal static class DigestVerb
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args, "scope", "period", "date");
        if (string.IsNullOrEmpty(parsed["scope"]) || !DigestEndpoints.TryParsePeriod(parsed["period"], out var period))
        {
            await Console.Error.WriteLineAsync("用法：digest --scope <社区或街道编码> [--period daily|weekly] [--date 2026-11-23]");
            return 2;
        }

        DateOnly? date = null;
        if (parsed["date"] is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                await Console.Error.WriteLineAsync($"日期格式应为 2026-11-23：{text}");
                return 2;
            }

            date = day;
        }

        using var host = await CliHost.StartAsync(parsed.Settings, cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var today = scope.ServiceProvider.GetRequiredService<ShanghaiTime>().Today;
        var report = await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(parsed["scope"]!, period, date ?? today, cancellationToken);
        await host.StopAsync(cancellationToken);
        if (report is null)
        {
            await Console.Error.WriteLineAsync($"没有编码为 {parsed["scope"]} 的网格。");
            return 1;
        }

        Console.WriteLine(JsonSerializer.Serialize(report, Json));
        return 0;
    }
}
