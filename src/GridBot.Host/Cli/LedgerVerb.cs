using GridBot.Dialogs.Calendar;
using GridBot.Host.Ledgers;
using GridBot.Host.StaffConsole;
using GridBot.Store;

namespace GridBot.Host.Cli;

/// <summary>
/// ledger --scope &lt;code&gt; --month 2026-11 --out FILE.xlsx: the console's Excel ledger from the command line, with a
/// progress bar on stderr (a district's month is tens of thousands of rows).
/// </summary>
internal static class LedgerVerb
{
    public const string Usage = "  dotnet run --project src/GridBot.Host -- ledger --scope <编码> --month 2026-11 --out FILE.xlsx   导出工单台账（Excel）";

    public static async Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args, "scope", "month", "out");
        if (string.IsNullOrEmpty(parsed["scope"]) || string.IsNullOrEmpty(parsed["out"]) || LedgerRange.ParseMonth(parsed["month"]) is not { } range)
        {
            await Console.Error.WriteLineAsync("用法：ledger --scope <网格编码> --month 2026-11 --out 台账.xlsx");
            return 2;
        }

        using var host = await CliHost.StartAsync(parsed.Settings, cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        if (await GridScope.ResolveAsync(db, parsed["scope"], cancellationToken) is not { } grids)
        {
            await Console.Error.WriteLineAsync($"没有编码为 {parsed["scope"]} 的网格。");
            return 1;
        }

        var writer = new TicketLedgerWriter(db, scope.ServiceProvider.GetRequiredService<ChinaWorkingCalendar>());
        var total = await writer.CountAsync(grids, range, cancellationToken);
        var bar = new ProgressBar(total, Console.Error);
        await using (var file = File.Create(parsed["out"]!))
        {
            await writer.WriteAsync(grids, range, file, bar, cancellationToken);
        }

        bar.Done();
        await host.StopAsync(cancellationToken);
        Console.WriteLine($"已导出 {total} 条工单到 {Path.GetFullPath(parsed["out"]!)}");
        return 0;
    }

    /// <summary>"[#####-----] 52% 12000/23000" redrawn in place; one line per update when stderr is not a terminal.</summary>
    private sealed class ProgressBar(int total, TextWriter output) : IProgress<int>
    {
        private const int Width = 30;

        public void Report(int value)
        {
            var fraction = total == 0 ? 1 : Math.Min(1, (double)value / total);
            var filled = (int)(fraction * Width);
            var line = $"[{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:0}% {value}/{total}";
            output.Write(Console.IsErrorRedirected ? line + Environment.NewLine : "\r" + line);
        }

        public void Done()
        {
            if (!Console.IsErrorRedirected)
            {
                output.WriteLine();
            }
        }
    }
}
