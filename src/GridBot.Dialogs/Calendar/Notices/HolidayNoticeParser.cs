using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GridBot.Dialogs.Calendar.Notices;

/// <summary>
/// Reads the State Council's yearly notice (国务院办公厅关于某年部分节假日安排的通知) as published — plain text or
/// text pasted from a web page — into the days a holiday-cn year file lists. It reads the numbered items
/// (<c>一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。</c>, <c>…2月7日（星期日）、2月20日（星期六）上班。</c>,
/// <c>…与周末连休。</c>, <c>…1月2日（星期一）补休。</c>) and refuses, naming the sentence, whatever it cannot read with
/// certainty: a weekday in brackets that does not match the date, a "共N天" that does not match the range, a make-up
/// workday that is not a weekend day, a date in a sentence it does not understand. A wrong calendar silently moves
/// every deadline, so a refusal a person fixes beats a guess.
/// </summary>
public static partial class HolidayNoticeParser
{
    private const string Holidays = "元旦|春节|清明节|劳动节|端午节|中秋节|国庆节";

    /// <param name="text">The notice.</param>
    /// <param name="year">The year it arranges; null = read from the title or the opening ("现将2027年…").</param>
    /// <exception cref="HolidayNoticeException">A part of the notice cannot be read; nothing is returned.</exception>
    public static HolidayNotice Parse(string text, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        var noticeYear = ResolveYear(normalized, year);
        var headings = HeadingPattern().Matches(normalized);
        if (headings.Count == 0)
        {
            throw new HolidayNoticeException(FirstLine(normalized), "没有找到“一、元旦：…”这样的分项安排，请粘贴通知全文。");
        }

        var days = new SortedDictionary<DateOnly, HolidayDay>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            var start = heading.Index + heading.Length;
            var end = i + 1 < headings.Count ? headings[i + 1].Index : ClosingIndex(normalized, start);
            ReadItem(heading.Groups["name"].Value, normalized[start..end], noticeYear, days);
        }

        return new HolidayNotice(noticeYear, [.. days.Values]);
    }

    private static void ReadItem(string name, string body, int year, SortedDictionary<DateOnly, HolidayDay> days)
    {
        foreach (var rawSentence in body.Split('。', StringSplitOptions.RemoveEmptyEntries))
        {
            var sentence = WhitespacePattern().Replace(rawSentence, "");
            // "鼓励各单位…安排职工在除夕（2月9日）休息" encourages; it does not make a holiday.
            if (sentence.Length == 0 || sentence.StartsWith("鼓励", StringComparison.Ordinal))
            {
                continue;
            }

            ReadSentence(name, sentence, year, days);
        }
    }

    private static void ReadSentence(string name, string sentence, int year, SortedDictionary<DateOnly, HolidayDay> days)
    {
        var offDays = 0;
        int? statedTotal = null;
        var pending = new List<DateRange>();
        foreach (var clause in sentence.Split(','))
        {
            var ranges = DatePattern().Matches(clause).Select(m => ReadRange(m, year, sentence)).ToList();
            if (TotalPattern().Match(clause) is { Success: true } total)
            {
                statedTotal = int.Parse(total.Groups["n"].Value, CultureInfo.InvariantCulture);
            }

            if (ranges.Count == 0)
            {
                continue; // "共3天", "与周末连休", "不调休"
            }

            pending.AddRange(ranges);
            bool? isOff = clause.Contains("上班", StringComparison.Ordinal) ? false
                : clause.Contains("放假", StringComparison.Ordinal) || clause.Contains("补休", StringComparison.Ordinal) ? true
                : null;
            if (isOff is null)
            {
                continue; // a list of dates split by commas: its kind comes with the next clause
            }

            foreach (var range in pending)
            {
                if (isOff.Value && clause.Contains("放假", StringComparison.Ordinal))
                {
                    offDays += range.Days;
                }

                foreach (var date in range.Dates())
                {
                    Add(days, new HolidayDay(date, name, isOff.Value), sentence);
                }
            }

            pending.Clear();
        }

        if (pending.Count > 0)
        {
            throw new HolidayNoticeException(sentence, "这句里的日期既不是“放假”也不是“上班”，无法判断。");
        }

        if (statedTotal is { } stated && stated != offDays)
        {
            throw new HolidayNoticeException(sentence, $"写的是共{stated}天，但日期范围是{offDays}天。");
        }
    }

    private static void Add(SortedDictionary<DateOnly, HolidayDay> days, HolidayDay day, string sentence)
    {
        if (!day.IsOffDay && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            throw new HolidayNoticeException(sentence, $"{Describe(day.Date)}是工作日，不需要调休上班，请核对日期。");
        }

        if (days.TryGetValue(day.Date, out var existing) && existing.IsOffDay != day.IsOffDay)
        {
            throw new HolidayNoticeException(sentence, $"{Describe(day.Date)}同时被写成放假和上班。");
        }

        days[day.Date] = day;
    }

    private static DateRange ReadRange(Match match, int year, string sentence)
    {
        var g = match.Groups;
        var startMonth = Number(g["m1"]);
        var endMonth = g["m2"].Success ? Number(g["m2"]) : startMonth;
        // "12月31日至1月2日" without years reaches back into the previous year (元旦); real notices write the years.
        var startYear = g["y1"].Success ? Number(g["y1"]) : startMonth == 12 && endMonth == 1 && g["d2"].Success ? year - 1 : year;
        var start = MakeDate(startYear, startMonth, Number(g["d1"]), match.Value, sentence);
        CheckWeekday(start, g["p1"].Value, sentence);
        if (!g["d2"].Success)
        {
            return new DateRange(start, start);
        }

        var endYear = g["y2"].Success ? Number(g["y2"]) : startYear + (endMonth < startMonth ? 1 : 0);
        var end = MakeDate(endYear, endMonth, Number(g["d2"]), match.Value, sentence);
        CheckWeekday(end, g["p2"].Value, sentence);
        if (end < start || end.DayNumber - start.DayNumber > 31)
        {
            throw new HolidayNoticeException(sentence, $"“{match.Value}”不是一个合理的日期范围。");
        }

        if (start.Year < year - 1 || end.Year > year + 1 || (start.Year != year && end.Year != year))
        {
            throw new HolidayNoticeException(sentence, $"“{match.Value}”不在{year}年前后。");
        }

        return new DateRange(start, end);
    }

    private static DateOnly MakeDate(int year, int month, int day, string written, string sentence)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw new HolidayNoticeException(sentence, $"“{written}”不是有效日期。");
        }

        return new DateOnly(year, month, day);
    }

    // "（农历腊月二十八、周日）", "（星期六）": the weekday, where written, must be the date's.
    private static void CheckWeekday(DateOnly date, string bracket, string sentence)
    {
        if (WeekdayPattern().Match(bracket) is not { Success: true } weekday)
        {
            return;
        }

        var written = "一二三四五六".IndexOf(weekday.Groups["w"].Value[0], StringComparison.Ordinal) switch
        {
            -1 => DayOfWeek.Sunday, // 日 / 天
            var index => (DayOfWeek)(index + 1),
        };
        if (written != date.DayOfWeek)
        {
            throw new HolidayNoticeException(sentence, $"{Describe(date)}，与括号里的“{weekday.Value}”不符（年份对吗？）。");
        }
    }

    private static int ResolveYear(string text, int? given)
    {
        var found = YearPattern().Match(text) is { Success: true } m ? Number(m.Groups["y"]) : (int?)null;
        if (given is { } year)
        {
            if (found is { } stated && stated != year)
            {
                throw new HolidayNoticeException(FirstLine(text), $"通知写的是{stated}年，但指定了 --year {year}。");
            }

            return year;
        }

        return found ?? throw new HolidayNoticeException(FirstLine(text), "找不到通知的年份（如“关于2027年部分节假日安排的通知”），请用 --year 指定。");
    }

    // The last item ends where the closing paragraphs begin (值班 duties, 鼓励 leave, the signature and its date).
    private static int ClosingIndex(string text, int from)
    {
        var end = text.Length;
        foreach (var marker in ClosingMarkers)
        {
            var at = text.IndexOf(marker, from, StringComparison.Ordinal);
            if (at >= 0 && at < end)
            {
                end = at;
            }
        }

        return end;
    }

    private static readonly string[] ClosingMarkers = ["节假日期间", "鼓励单位和个人", "国务院办公厅"];

    private static string Normalize(string text)
    {
        var noTags = WebUtility.HtmlDecode(TagPattern().Replace(text, "\n"));
        var builder = new StringBuilder(noTags.Length);
        foreach (var c in noTags)
        {
            builder.Append(c switch
            {
                '（' => '(',
                '）' => ')',
                '：' => ':',
                '，' => ',',
                '\u3000' or '\u00a0' => ' ',
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } line
            ? (line.Length > 60 ? line[..60] + "…" : line)
            : "";

    private static string Describe(DateOnly date) =>
        $"{date.Year}年{date.Month}月{date.Day}日是星期{"日一二三四五六"[(int)date.DayOfWeek]}";

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private readonly record struct DateRange(DateOnly Start, DateOnly End)
    {
        public int Days => End.DayNumber - Start.DayNumber + 1;

        public IEnumerable<DateOnly> Dates()
        {
            for (var d = Start; d <= End; d = d.AddDays(1))
            {
                yield return d;
            }
        }
    }

    [GeneratedRegex($@"(?<ord>[一二三四五六七八九十]{{1,3}})、\s*(?<name>(?:{Holidays})(?:、(?:{Holidays}))*)\s*:")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"(?:(?<y1>\d{4})年)?(?<m1>\d{1,2})月(?<d1>\d{1,2})日(?:\((?<p1>[^)]*)\))?(?:至(?:(?<y2>\d{4})年)?(?:(?<m2>\d{1,2})月)?(?<d2>\d{1,2})日(?:\((?<p2>[^)]*)\))?)?")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?:周|星期)(?<w>[一二三四五六日天])")]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"共(?<n>\d+)天")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"(?:关于|现将)(?<y>\d{4})年")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
