using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Calendar.Notices;

namespace GridBot.Dialogs.Tests.Calendar;

public sealed class HolidayNoticeParserTests
{
    private static string Notice(int year) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendar", "Notices", $"{year}.txt"));

    private static IReadOnlyList<HolidayDay> Shipped(int year) =>
        HolidayDataLoader.LoadEmbedded().Single(y => y.Year == year).Days.OrderBy(d => d.Date).ToList();

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void TheRealNoticeOfEachYearGivesTheShippedHolidayCnFile(int year)
    {
        var notice = HolidayNoticeParser.Parse(Notice(year));

        Assert.Equal(year, notice.Year);
        Assert.Equal(Shipped(year), notice.Days);
    }

    [Fact]
    public void TheWrittenFileLoadsBackAsTheSameYear()
    {
        var notice = HolidayNoticeParser.Parse(Notice(2026));
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "2026.json"), HolidayNoticeFile.ToJson(notice, "https://www.gov.cn/zhengce/"));

        var loaded = HolidayDataLoader.LoadFolder(folder.Path).Single();

        Assert.Equal(2026, loaded.Year);
        Assert.Equal(Shipped(2026), loaded.Days.OrderBy(d => d.Date).ToList());
    }

    [Fact]
    public void TextPastedFromAWebPageWithTagsEntitiesAndHalfWidthPunctuationReadsTheSame()
    {
        var html = string.Join("", Notice(2025).Split('\n').Select(line => $"<p style=\"text-indent:2em\">&nbsp;&nbsp;{line}</p>"))
            .Replace('（', '(').Replace('）', ')').Replace('：', ':').Replace('，', ',');

        Assert.Equal(Shipped(2025), HolidayNoticeParser.Parse(html).Days);
    }

    [Fact]
    public void AllItemsOnOneLineStillEndBeforeTheClosingParagraph()
    {
        var oneLine = Notice(2026).ReplaceLineEndings(" ");

        Assert.Equal(Shipped(2026), HolidayNoticeParser.Parse(oneLine).Days);
    }

    [Fact]
    public void A补休DayIsAHolidayAndTheYearMayBeGiven()
    {
        // The form of older notices (2017): a holiday on a Sunday is made up by the Monday after.
        var notice = HolidayNoticeParser.Parse("一、元旦：1月1日放假，1月2日（星期一）补休。\n二、春节：1月27日至2月2日放假调休，共7天。1月22日（星期日）、2月4日（星期六）上班。", 2017);

        Assert.Equal(
            [
                new HolidayDay(new DateOnly(2017, 1, 1), "元旦", true),
                new HolidayDay(new DateOnly(2017, 1, 2), "元旦", true),
                new HolidayDay(new DateOnly(2017, 1, 22), "春节", false),
            ],
            notice.Days.Take(3));
        Assert.Equal(11, notice.Days.Count);
    }

    [Fact]
    public void AWeekdayThatDoesNotMatchTheDateIsRefusedNamingTheSentence()
    {
        // The 2026 text read as if it were 2027's: 1月1日 2027 is a Friday, not a Thursday.
        var text = Notice(2026).Replace("2026年", "2027年");

        var error = Assert.Throws<HolidayNoticeException>(() => HolidayNoticeParser.Parse(text));

        Assert.Contains("1月1日(周四)至3日(周六)放假调休", error.Fragment);
        Assert.Contains("星期五", error.Reason);
    }

    [Fact]
    public void ATotalThatDoesNotMatchTheRangeIsRefused()
    {
        var error = Assert.Throws<HolidayNoticeException>(() =>
            HolidayNoticeParser.Parse(Notice(2024).Replace("2月10日至17日放假调休，共8天", "2月10日至17日放假调休，共9天")));

        Assert.Contains("共9天", error.Reason);
    }

    [Fact]
    public void AMakeUpWorkdayOnAWeekdayIsRefused()
    {
        var error = Assert.Throws<HolidayNoticeException>(() =>
            HolidayNoticeParser.Parse(Notice(2024).Replace("4月7日（星期日）上班", "4月8日上班")));

        Assert.Contains("4月8日上班", error.Fragment);
    }

    [Fact]
    public void ADatedSentenceItCannotReadIsRefusedRatherThanSkipped()
    {
        var error = Assert.Throws<HolidayNoticeException>(() =>
            HolidayNoticeParser.Parse(Notice(2026).Replace("5月9日（周六）上班", "5月9日（周六）照常")));

        Assert.Contains("5月9日(周六)照常", error.Fragment);
    }

    [Fact]
    public void ANoticeWithoutYearOrItemsIsRefused()
    {
        Assert.Throws<HolidayNoticeException>(() => HolidayNoticeParser.Parse("一、元旦：1月1日放假，与周末连休。"));
        Assert.Throws<HolidayNoticeException>(() => HolidayNoticeParser.Parse("国务院办公厅关于2027年部分节假日安排的通知\n（正文待发布）"));
        Assert.Throws<HolidayNoticeException>(() => HolidayNoticeParser.Parse(Notice(2026), 2027));
    }
}
