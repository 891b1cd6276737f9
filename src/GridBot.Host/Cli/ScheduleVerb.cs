using System.CommandLine;
using Spectre.Console;
using System.Globalization;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Reminders;

namespace GridBot.Host.Cli;

/// <summary>
/// schedule list [--from TIME] [--count N] [--grid code]: the next N fires of every schedule of every grid from that
/// moment, on the real calendar and the grids' own settings.
/// </summary>
internal static class ScheduleVerb
{
    public static Command Create(string[] settings)
    {
        var from = CliOptions.Time("--from", "从这一时刻起（默认现在）");
        var count = new Option<int>("--count") { Description = "每个计划列出几次（1 到 366）", DefaultValueFactory = _ => 5, HelpName = "次数" };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 366)
            {
                result.AddError("--count 应为 1 到 366 的整数。");
            }
        });
        var grid = new Option<string>("--grid") { Description = "只看这个网格（编码）", HelpName = "编码" };
        var json = CliOptions.Json();
        var list = new Command("list", "预览各网格接下来的提醒时间（北京时间，含调休上班日）") { from, count, grid, json };
        list.SetAction(async (parsed, cancellationToken) =>
        {
            var n = parsed.GetValue(count);
            using var host = await CliHost.StartAsync(settings, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var calendar = scope.ServiceProvider.GetRequiredService<ChinaWorkingCalendar>();
            var fromUtc = parsed.GetValue(from) ?? scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var planner = scope.ServiceProvider.GetRequiredService<SchedulePlanner>();
            // Weekly fires need up to a week each, and a long holiday adds another: look far enough for N of each.
            var slots = await planner.SlotsAsync(ScheduleNames.Timed, fromUtc, fromUtc.AddDays(7 * n + 14), parsed.GetValue(grid), cancellationToken);
            await host.StopAsync(cancellationToken);
            var fires = slots.GroupBy(s => (s.Kind, s.Target.Code)).SelectMany(g => g.Take(n))
                .OrderBy(s => s.FireUtc).ThenBy(s => s.Kind).ThenBy(s => s.Target.Code, StringComparer.Ordinal)
                .Select(s => new ScheduleFire(ScheduleNames.Of(s.Kind), s.Target.Code, s.LocalTime, s.FireUtc, calendar.IsMakeUpWorkday(DateOnly.FromDateTime(s.LocalTime))))
                .ToList();
            if (parsed.GetValue(json))
            {
                CliOutput.Json<IReadOnlyList<ScheduleFire>>(fires);
                return CliExit.Done;
            }

            if (fires.Count == 0)
            {
                CliOutput.Out().WriteLine("没有找到计划（检查 --grid 编码，或该网格的提醒已暂停）。");
                return CliExit.Done;
            }

            var table = CliOutput.Table("计划", "网格", "时间（北京）", "星期", "备注");
            foreach (var fire in fires)
            {
                table.Row(fire.Kind, fire.Grid, fire.LocalTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    "周" + "日一二三四五六"[(int)fire.LocalTime.DayOfWeek], fire.MakeUpWorkday ? "调休上班" : "");
            }

            CliOutput.Out().Write(table);
            return CliExit.Done;
        });
        return new Command("schedule", "提醒计划") { list };
    }
}
