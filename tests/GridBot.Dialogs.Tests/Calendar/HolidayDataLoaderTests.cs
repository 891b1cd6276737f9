using GridBot.Dialogs.Calendar;

namespace GridBot.Dialogs.Tests.Calendar;

public sealed class HolidayDataLoaderTests
{
    private const string Year2027 = """
        {
          "year": 2027,
          "papers": [],
          "days": [
            { "name": "元旦", "date": "2027-01-01", "isOffDay": true },
            { "name": "春节", "date": "2027-02-06", "isOffDay": false },
            { "name": "春节", "date": "2027-02-08", "isOffDay": true },
          ]
        }
        """;

    [Fact]
    public void AYearFileInTheFolderMakesThatYearKnown()
    {
        using var folder = new TempFolder();
        folder.Write("2027.json", Year2027);

        var calendar = new ChinaWorkingCalendar(HolidayDataLoader.Load(folder.Path), new WorkingCalendarOptions());

        Assert.True(calendar.HasYear(2027));
        Assert.Equal([2023, 2024, 2025, 2026, 2027], calendar.Years);
        Assert.True(calendar.IsHoliday(Shanghai.Day("2027-01-01")));
        Assert.Equal("元旦", calendar.HolidayName(Shanghai.Day("2027-01-01")));
        Assert.True(calendar.IsWorkingDay(Shanghai.Day("2027-02-06")));
        Assert.False(calendar.IsWorkingDay(Shanghai.Day("2027-02-08")));
    }

    [Fact]
    public void AFolderFileReplacesTheEmbeddedYear()
    {
        using var folder = new TempFolder();
        var file = folder.Write("2026.json", """
            { "year": 2026, "days": [ { "name": "Test day", "date": "2026-10-08", "isOffDay": true } ] }
            """);

        var years = HolidayDataLoader.Load(folder.Path);
        var calendar = new ChinaWorkingCalendar(years, new WorkingCalendarOptions());

        Assert.Equal(file, Assert.Single(years, year => year.Year == 2026).Source);
        Assert.True(calendar.IsHoliday(Shanghai.Day("2026-10-08")));
        // The override is the whole year, not a merge: the embedded National Day is gone.
        Assert.False(calendar.IsHoliday(Shanghai.Day("2026-10-01")));
        Assert.True(calendar.IsWorkingDay(Shanghai.Day("2026-10-01")));
        Assert.True(calendar.IsHoliday(Shanghai.Day("2025-10-01")));
    }

    [Theory]
    [InlineData("""{ "year": 2027, "days": [ """, "not valid JSON")]
    [InlineData("""[ 2027 ]""", "top level")]
    [InlineData("""{ "days": [] }""", "\"year\"")]
    [InlineData("""{ "year": 2027 }""", "\"days\"")]
    [InlineData("""{ "year": 2027, "days": [ { "name": "x", "date": "2027-13-01", "isOffDay": true } ] }""", "days[0].date")]
    [InlineData("""{ "year": 2027, "days": [ { "name": "x", "date": "2027-01-01", "isOffDay": "yes" } ] }""", "days[0].isOffDay")]
    [InlineData("""{ "year": 2027, "days": [ { "date": "2027-01-01", "isOffDay": true } ] }""", "days[0].name")]
    [InlineData("""{ "year": 2027, "days": [ { "name": "x", "date": "2029-01-01", "isOffDay": true } ] }""", "too far")]
    [InlineData("""{ "year": 2027, "days": [ { "name": "x", "date": "2027-01-01", "isOffDay": true }, { "name": "x", "date": "2027-01-01", "isOffDay": true } ] }""", "listed twice")]
    public void AMalformedFileIsRejectedWithAnErrorNamingTheFile(string contents, string expectedProblem)
    {
        using var folder = new TempFolder();
        var file = folder.Write("2027.json", contents);

        var error = Assert.Throws<HolidayDataException>(() => HolidayDataLoader.Load(folder.Path));

        Assert.Equal(file, error.FileName);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedProblem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileNamedForOneYearButHoldingAnotherIsRejected()
    {
        using var folder = new TempFolder();
        var file = folder.Write("2027.json", """{ "year": 2026, "days": [] }""");

        var error = Assert.Throws<HolidayDataException>(() => HolidayDataLoader.LoadFolder(folder.Path));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("2027", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithAByteOrderMarkAndCommentsIsAccepted()
    {
        using var folder = new TempFolder();
        File.WriteAllText(
            Path.Combine(folder.Path, "2027.json"),
            "// hand-edited\n{ \"year\": 2027, \"days\": [ { \"name\": \"x\", \"date\": \"2027-01-01\", \"isOffDay\": true } ] }",
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var year = Assert.Single(HolidayDataLoader.LoadFolder(folder.Path));

        Assert.Equal(2027, year.Year);
    }

    [Fact]
    public void FilesThatAreNotJsonAreIgnored()
    {
        using var folder = new TempFolder();
        folder.Write("README.md", "not a schedule");

        Assert.Empty(HolidayDataLoader.LoadFolder(folder.Path));
        Assert.Equal([2023, 2024, 2025, 2026], HolidayDataLoader.Load(folder.Path).Select(year => year.Year));
    }
}
