using System.CommandLine;
using Spectre.Console;
using GridBot.Dialogs.Calendar;
using GridBot.Host.Ledgers;
using GridBot.Store;

namespace GridBot.Host.Cli;

/// <summary>
/// ledger --scope &lt;code&gt; --month 2026-11 --out FILE.xlsx: the console's Excel ledger from the command line, with a
/// progress bar on stderr (a district's month is tens of thousands of rows).
/// </summary>
internal static class LedgerVerb
{
    public static Command Create(string[] settings)
    {
        var scopeOption = CliOptions.Scope("网格、社区或街道编码（含全部下级网格）", required: true);
        var month = new Option<LedgerRange>("--month")
        {
            Description = "哪个月（北京时间）",
            HelpName = "2026-11",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (LedgerRange.ParseMonth(text) is { } range)
                {
                    return range;
                }

                result.AddError($"--month 应写成 2026-11（收到：{text}）。");
                return null;
            },
        };
        var output = new Option<string>("--out") { Description = "写到这个 Excel 文件", HelpName = "台账.xlsx", Required = true };
        var json = CliOptions.Json();
        var command = new Command("ledger", "导出工单台账（Excel，含网格月度统计）") { scopeOption, month, output, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var code = parsed.GetRequiredValue(scopeOption);
            var file = Path.GetFullPath(parsed.GetRequiredValue(output));
            using var host = await CliHost.StartAsync(settings, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            if (await GridScope.ResolveAsync(db, code, cancellationToken) is not { } grids)
            {
                return CliOutput.Error($"没有编码为 {code} 的网格。");
            }

            var range = parsed.GetRequiredValue(month);
            var writer = new TicketLedgerWriter(db, scope.ServiceProvider.GetRequiredService<ChinaWorkingCalendar>());
            var total = await writer.CountAsync(grids, range, cancellationToken);
            await CliProgress.BarAsync("导出台账", async report =>
            {
                await using var stream = File.Create(file);
                await writer.WriteAsync(grids, range, stream, new Progress(total, report), cancellationToken);
                return total;
            });
            await host.StopAsync(cancellationToken);
            if (parsed.GetValue(json))
            {
                CliOutput.Json(new LedgerExport(file, total));
            }
            else
            {
                CliOutput.Out().WriteLine($"已导出 {total} 条工单到 {file}");
            }

            return CliExit.Done;
        });
        return command;
    }

    /// <summary>The writer's row count, onto the bar.</summary>
    private sealed class Progress(int total, Action<long, long> report) : IProgress<int>
    {
        public void Report(int value) => report(value, total);
    }
}
