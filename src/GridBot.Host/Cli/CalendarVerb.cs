using System.Globalization;
using System.Text;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Calendar.Notices;

namespace GridBot.Host.Cli;

/// <summary>
/// calendar import-notice FILE [--year 2027] [--out FOLDER] [--paper URL]: the State Council's holiday notice, as
/// published, into a holiday-cn year file for <c>WorkingCalendar:HolidayDataFolder</c>. Prints every day it understood
/// for a person to check against the notice, and writes nothing when any sentence cannot be read.
/// </summary>
internal static class CalendarVerb
{
    public const string Usage = "  dotnet run --project src/GridBot.Host -- calendar import-notice FILE [--year 2027] [--out <文件夹>] [--paper <网址>]   国务院节假日安排通知 → holiday-cn 年度文件";

    public static async Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var list = args.ToList();
        var parsed = CliArguments.Parse(list.Skip(2), "year", "out", "paper");
        if (list.Count < 2 || list[0] != "import-notice" || list[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("用法 / usage:\n" + Usage);
            return 2;
        }

        int? year = null;
        if (parsed["year"] is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
            {
                await Console.Error.WriteLineAsync($"--year 应为四位年份，如 2027（收到：{yearText}）。");
                return 2;
            }

            year = y;
        }

        var file = list[1];
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"找不到文件 / file not found: {Path.GetFullPath(file)}");
            return 1;
        }

        HolidayNotice notice;
        try
        {
            notice = HolidayNoticeParser.Parse(await File.ReadAllTextAsync(file, cancellationToken), year);
        }
        catch (HolidayNoticeException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message + "\n未写入任何文件；请核对通知原文后重试。");
            return 1;
        }

        Console.WriteLine(Table(notice));
        var folder = Path.GetFullPath(parsed["out"] ?? ".");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, $"{notice.Year}.json");
        await File.WriteAllTextAsync(target, HolidayNoticeFile.ToJson(notice, parsed["paper"]), new UTF8Encoding(false), cancellationToken);
        // Read it back the way the host will, so a file that would stop the start is caught here.
        _ = HolidayDataLoader.LoadFolder(folder).Single(y => y.Year == notice.Year);
        Console.WriteLine($"已写入 {target}：{notice.Days.Count(d => d.IsOffDay)} 天放假，{notice.Days.Count(d => !d.IsOffDay)} 天调休上班。");
        Console.WriteLine($"把 {WorkingCalendarOptions.SectionName}:{nameof(WorkingCalendarOptions.HolidayDataFolder)} 指向 {folder} 并重启即可生效。");
        return 0;
    }

    private static string Table(HolidayNotice notice)
    {
        var text = new StringBuilder($"{notice.Year} 年节假日安排（请与通知原文核对）\n日期         星期  安排      节日\n");
        foreach (var day in notice.Days)
        {
            text.Append(CultureInfo.InvariantCulture, $"{day.Date:yyyy-MM-dd}   {"日一二三四五六"[(int)day.Date.DayOfWeek]}    {(day.IsOffDay ? "放假    " : "调休上班")}  {day.Name}\n");
        }

        return text.ToString().TrimEnd();
    }
}
