using System.CommandLine;
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
    public static Command Create()
    {
        var file = new Argument<FileInfo>("通知文件") { Description = "国务院办公厅节假日安排通知的正文（文本）" };
        var year = new Option<int?>("--year") { Description = "通知所讲的年份（默认从通知中读出）", HelpName = "2027" };
        year.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 2000 or > 2100)
            {
                result.AddError("--year 应为四位年份，如 2027。");
            }
        });
        var output = new Option<string>("--out") { Description = "年度文件写到这个文件夹（默认当前文件夹）", DefaultValueFactory = _ => ".", HelpName = "文件夹" };
        var paper = new Option<string>("--paper") { Description = "通知原文的网址，写进文件备查", HelpName = "网址" };
        var json = CliOptions.Json();
        var importNotice = new Command("import-notice", "国务院节假日安排通知 → holiday-cn 年度文件（读不懂任何一句就什么也不写）") { file, year, output, paper, json };
        importNotice.SetAction(async (parsed, cancellationToken) =>
        {
            var notice = parsed.GetRequiredValue(file);
            if (!notice.Exists)
            {
                return CliOutput.Error($"找不到文件 / file not found: {notice.FullName}");
            }

            HolidayNotice read;
            try
            {
                read = HolidayNoticeParser.Parse(await File.ReadAllTextAsync(notice.FullName, cancellationToken), parsed.GetValue(year));
            }
            catch (HolidayNoticeException exception)
            {
                return CliOutput.Error(exception.Message + "\n未写入任何文件；请核对通知原文后重试。");
            }

            var folder = Path.GetFullPath(parsed.GetRequiredValue(output));
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, $"{read.Year}.json");
            var content = HolidayNoticeFile.ToJson(read, parsed.GetValue(paper));
            await File.WriteAllTextAsync(target, content, new UTF8Encoding(false), cancellationToken);
            // Read it back the way the host will, so a file that would stop the start is caught here.
            _ = HolidayDataLoader.LoadFolder(folder).Single(y => y.Year == read.Year);
            if (parsed.GetValue(json))
            {
                Console.WriteLine(content);
                return CliExit.Done;
            }

            Console.WriteLine(Table(read));
            Console.WriteLine($"已写入 {target}：{read.Days.Count(d => d.IsOffDay)} 天放假，{read.Days.Count(d => !d.IsOffDay)} 天调休上班。");
            Console.WriteLine($"把 {WorkingCalendarOptions.SectionName}:{nameof(WorkingCalendarOptions.HolidayDataFolder)} 指向 {folder} 并重启即可生效。");
            return CliExit.Done;
        });
        return new Command("calendar", "节假日和调休日历") { importNotice };
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
