using System.Globalization;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Reminders;

namespace GridBot.Host.Cli;

/// <summary>
/// schedule list [--from "yyyy-MM-dd HH:mm"] [--count N] [--grid code]: the next N fires of every schedule of every
/// grid from that (local) moment, on the real calendar and the grids' own settings.
/// </summary>
internal static class ScheduleVerb
{
    public static async Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args.Skip(1), "from", "count", "grid");
        if (args.FirstOrDefault() != "list" || !int.TryParse(parsed["count"] ?? "5", CultureInfo.InvariantCulture, out var count) || count is < 1 or > 366)
        {
            await Console.Error.WriteLineAsync("用法：schedule list [--from \"2026-09-30 12:00\"] [--count 1..366] [--grid <编码>]");
            return 2;
        }

        using var host = await CliHost.StartAsync(parsed.Settings, cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var calendar = scope.ServiceProvider.GetRequiredService<ChinaWorkingCalendar>();
        DateTime fromUtc;
        if (parsed["from"] is { Length: > 0 } text)
        {
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                await Console.Error.WriteLineAsync($"时间格式应为 2026-09-30 12:00：{text}");
                return 2;
            }

            fromUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), calendar.TimeZone);
        }
        else
        {
            fromUtc = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        }

        var planner = scope.ServiceProvider.GetRequiredService<SchedulePlanner>();
        // Weekly fires need up to a week each, and a long holiday adds another: look far enough for N of each.
        var slots = await planner.SlotsAsync(ScheduleNames.Timed, fromUtc, fromUtc.AddDays(7 * count + 14), parsed["grid"], cancellationToken);
        await host.StopAsync(cancellationToken);
        var lines = slots.GroupBy(s => (s.Kind, s.Target.Code)).SelectMany(g => g.Take(count))
            .OrderBy(s => s.FireUtc).ThenBy(s => s.Kind).ThenBy(s => s.Target.Code, StringComparer.Ordinal).ToList();
        foreach (var slot in lines)
        {
            var day = DateOnly.FromDateTime(slot.LocalTime);
            var note = calendar.IsMakeUpWorkday(day) ? " 调休上班" : "";
            Console.WriteLine($"{ScheduleNames.Of(slot.Kind)}\t{slot.Target.Code}\t{slot.LocalTime:yyyy-MM-dd HH:mm} 周{"日一二三四五六"[(int)slot.LocalTime.DayOfWeek]}{note}");
        }

        if (lines.Count == 0)
        {
            Console.WriteLine("没有找到计划（检查 --grid 编码，或该网格的提醒已暂停）。");
        }

        return 0;
    }
}
