using System.CommandLine;
using Spectre.Console;
using System.Globalization;
using GridBot.Dialogs.Digests;
using GridBot.Dialogs.Time;

namespace GridBot.Host.Cli;

/// <summary>digest --scope &lt;code&gt; [--period daily|weekly] [--date yyyy-MM-dd]: the digest as a table, or with --json the same JSON as GET /api/digests.</summary>
internal static class DigestVerb
{
    public static Command Create(string[] settings)
    {
        var scopeOption = CliOptions.Scope("社区或街道编码", required: true);
        var period = new Option<DigestPeriod>("--period") { Description = "daily（日报）或 weekly（周报）", DefaultValueFactory = _ => DigestPeriod.Daily, HelpName = "daily|weekly" };
        var date = new Option<DateOnly?>("--date") { Description = "哪一天的简报（周报为该日所在周），默认今天（北京时间）", HelpName = "2026-11-23" };
        var json = CliOptions.Json();
        var command = new Command("digest", "社区/街道简报：各网格排名、类别、超期工单") { scopeOption, period, date, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var code = parsed.GetRequiredValue(scopeOption);
            using var host = await CliHost.StartAsync(settings, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var day = parsed.GetValue(date) ?? scope.ServiceProvider.GetRequiredService<ShanghaiTime>().Today;
            var report = await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(code, parsed.GetValue(period), day, cancellationToken);
            await host.StopAsync(cancellationToken);
            if (report is null)
            {
                return CliOutput.Error($"没有编码为 {code} 的网格。");
            }

            if (parsed.GetValue(json))
            {
                CliOutput.Json(report);
            }
            else
            {
                Print(report);
            }

            return CliExit.Done;
        });
        return command;
    }

    private static void Print(DigestReport report)
    {
        var console = CliOutput.Out();
        var t = report.Totals;
        console.WriteLine($"{report.ScopeName}（{report.Scope}）{(report.Period == DigestPeriod.Weekly ? "周报" : "日报")} {report.From:yyyy-MM-dd} 至 {report.To:yyyy-MM-dd}");
        console.WriteLine($"新增 {t.New}，办结 {t.Closed}，在办 {t.Open}，超期 {t.Overdue}，按时办结率 {Rate(t.OnTimeRate)}，满意率 {Rate(t.SatisfactionRate)}，催办 {t.Urges}，撤回 {t.Withdrawn}");
        var grids = CliOutput.Table("名次", "网格", "名称", "新增", "办结", "在办", "超期", "按时办结率", "满意率");
        foreach (var g in report.Grids)
        {
            grids.Row($"{g.Rank}", g.Code, g.Name, $"{g.Counts.New}", $"{g.Counts.Closed}", $"{g.Counts.Open}", $"{g.Counts.Overdue}", Rate(g.Counts.OnTimeRate), Rate(g.Counts.SatisfactionRate));
        }

        console.Write(grids);
        if (report.Categories.Count > 0)
        {
            var categories = CliOutput.Table("类别", "新增");
            foreach (var c in report.Categories)
            {
                categories.Row(c.Category, $"{c.Counts.New}");
            }

            console.Write(categories);
        }
    }

    private static string Rate(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "—";
}
