using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using GridBot.Host.Import;

namespace GridBot.Host.Tests.Import;

public sealed class GridDataImportErrorTests
{
    [Fact]
    public async Task EveryBadRowIsReportedWithItsLineAndNothingIsWritten()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync(database.Write("grids.json", SampleGrids.Json));
        var before = await database.CountAsync();
        var grids = database.Write("grids.csv", $"""
            code,name,level,parent
            X01,新网格,Grid,C01
            X02,坏层级,xyz,C01
            X03,孤儿,Grid,C09
            X01,重复,Grid,C01
            ,无编码,Grid,C01
            X04,{new string('长', 129)},Grid,C01
            X05,"跨两行的
            名称",Grid,C01
            X06,多一列,Grid,C01,extra
            X/7,斜杠,Grid,C01
            """);
        var members = database.Write("members.csv", """
            channel,userId,name,phone,idNumber,grid,role
            demo,u1,张三,138-0000-1111,,X01,居民
            demo,u2,李四,1381234abcd,,G01,Resident
            demo,u3,王五,,,G01,boss
            demo,u4,赵六,,,NOPE,Worker
            demo,u1,张三,,,X01,Resident
            """);

        var report = await database.ImportAsync(grids, members);

        Assert.False(report.Succeeded);
        Assert.Equal(
            [("grids.csv", 3), ("grids.csv", 4), ("grids.csv", 5), ("grids.csv", 6), ("grids.csv", 7), ("grids.csv", 10), ("grids.csv", 11),
             ("members.csv", 3), ("members.csv", 4), ("members.csv", 5), ("members.csv", 6)],
            report.Errors.Select(e => (e.File, e.Line)).Order());
        Assert.Contains("'xyz'", Message(report, "grids.csv", 3), StringComparison.Ordinal);
        Assert.Contains("'C09'", Message(report, "grids.csv", 4), StringComparison.Ordinal);
        Assert.Contains("第 2 行", Message(report, "grids.csv", 5), StringComparison.Ordinal);
        Assert.Contains("code", Message(report, "grids.csv", 6), StringComparison.Ordinal);
        Assert.Contains("128", Message(report, "grids.csv", 7), StringComparison.Ordinal);
        Assert.Contains("'/'", Message(report, "grids.csv", 11), StringComparison.Ordinal);
        Assert.Contains("138****abcd", Message(report, "members.csv", 3), StringComparison.Ordinal);
        Assert.DoesNotContain(report.Errors, e => e.Message.Contains("1381234abcd", StringComparison.Ordinal));
        Assert.Contains("'boss'", Message(report, "members.csv", 4), StringComparison.Ordinal);
        Assert.Contains("'NOPE'", Message(report, "members.csv", 5), StringComparison.Ordinal);
        Assert.StartsWith("导入失败，未写入任何数据。共 11 处错误：", report.Describe(), StringComparison.Ordinal);
        Assert.Contains("grids.csv 第 3 行：", report.Describe(), StringComparison.Ordinal);
        Assert.Equal(before, await database.CountAsync());
        Assert.DoesNotContain("X01", (await database.PathsAsync()).Keys);
    }

    [Fact]
    public async Task JsonErrorsCarryTheArrayIndexAndTheLine()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var json = database.Write("bad.json", """
            {
              "grids": [
                { "code": "A", "name": "甲", "level": "District" },
                { "code": "B", "name": "乙", "level": "Nowhere", "parent": "A" },
                { "code": "C", "nmae": "丙", "level": "Street", "parent": "A" }
              ],
              "members": [
                { "channel": "demo", "userId": 42, "name": "丁", "grid": "A", "role": "Resident" },
                { "channel": "demo", "userId": "u2", "name": "戊", "grid": "A", "role": "Mayor" }
              ],
              "people": []
            }
            """);

        var report = await database.ImportAsync(json);

        Assert.False(report.Succeeded);
        Assert.Equal([4, 5, 9, 11], report.Errors.Select(e => e.Line).Order());
        Assert.Contains("grids[1]", Message(report, "bad.json", 4), StringComparison.Ordinal);
        Assert.Contains("'nmae'", Message(report, "bad.json", 5), StringComparison.Ordinal);
        Assert.Contains("members[1]", Message(report, "bad.json", 9), StringComparison.Ordinal);
        Assert.Contains("'people'", Message(report, "bad.json", 11), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await database.CountAsync());
    }

    [Fact]
    public async Task ACycleInParentsIsReportedEvenThroughStoredGrids()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync(database.Write("grids.json", SampleGrids.Json));
        var before = await database.PathsAsync();

        // P and Q point at each other; S01 would hang under M01, which is stored beneath S01.
        var report = await database.ImportAsync(database.Write("cycle.csv", "code,name,level,parent\nP,甲,Grid,Q\nQ,乙,Grid,P\nS01,幸福街道,Street,M01\n"));

        Assert.False(report.Succeeded);
        Assert.Equal([2, 4], report.Errors.Select(e => e.Line).Order());
        Assert.Contains("P → Q → P", Message(report, "cycle.csv", 2), StringComparison.Ordinal);
        Assert.Contains("S01 → M01 → G01 → C01 → S01", Message(report, "cycle.csv", 4), StringComparison.Ordinal);
        Assert.Equal(before, await database.PathsAsync());
    }

    [Fact]
    public async Task MalformedJsonIsReportedWithItsLine()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var json = database.Write("broken.json", "{\n  \"grids\": [\n    { \"code\": \"A\", \"name\": \"甲\" \"level\": \"District\" }\n");

        var report = await database.ImportAsync(json);

        var error = Assert.Single(report.Errors);
        Assert.Equal(("broken.json", 3), (error.File, error.Line));
        Assert.Contains("JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await database.CountAsync());
    }

    [Fact]
    public async Task AnXlsxThatIsNotAZipIsReported()
    {
        await using var database = await ImportDatabase.CreateAsync();

        var report = await database.ImportAsync(
            database.Write("fake.xlsx", "code,name,level,parent\nA,甲,District,\n"),
            database.WriteBytes("truncated.xlsx", SampleGrids.Workbook(chineseNames: false)[..200]));

        Assert.Equal(["fake.xlsx", "truncated.xlsx"], report.Errors.Select(e => e.File));
        Assert.Contains("zip", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await database.CountAsync());
    }

    [Fact]
    public async Task AWorkbookWithADtdIsRefused()
    {
        await using var database = await ImportDatabase.CreateAsync();

        var report = await database.ImportAsync(database.WriteBytes("xxe.xlsx", SampleGrids.WithDoctype(SampleGrids.Workbook(chineseNames: false))));

        var error = Assert.Single(report.Errors);
        Assert.Equal("xxe.xlsx", error.File);
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await database.CountAsync());
    }

    [Fact]
    public async Task BadRowsInAWorkbookAreReportedBySheetAndRow()
    {
        await using var database = await ImportDatabase.CreateAsync();
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("网格");
        string[][] rows = [["编码", "名称", "层级", "上级"], ["A", "甲", "区", ""], ["B", "乙", "省", "A"], ["C", "", "社区", "A"]];
        for (var row = 0; row < rows.Length; row++)
        {
            for (var column = 0; column < rows[row].Length; column++)
            {
                sheet.Cell(row + 1, column + 1).Value = rows[row][column];
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var report = await database.ImportAsync(database.WriteBytes("book.xlsx", stream.ToArray()));

        Assert.Equal([("book.xlsx[网格]", 3), ("book.xlsx[网格]", 4)], report.Errors.Select(e => (e.File, e.Line)));
        Assert.Contains("'省'", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("name", report.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("book.xlsx[网格] 第 3 行：", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOfThousandsOfBadRowsGivesAReadableCappedReport()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var csv = new StringBuilder("code,name,level,parent\n");
        for (var i = 0; i < 2_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"G{i},网格{i},Nowhere,\n");
        }

        var report = await database.ImportAsync(database.Write("many.csv", csv.ToString()));

        Assert.Equal(501, report.Errors.Count);
        Assert.Equal(2, report.Errors[0].Line);
        Assert.Contains("1500", report.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACsvWithAnUnbalancedQuoteIsReportedWhereTheQuoteOpens()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var csv = database.Write("grids.csv", "code,name,level,parent\nA,甲,District,\nB,\"乙,Street,A\nC,丙,Street,A\n");

        var report = await database.ImportAsync(csv);

        var error = Assert.Single(report.Errors);
        Assert.Equal(("grids.csv", 3), (error.File, error.Line));
        Assert.Contains("引号", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await database.CountAsync());
    }

    [Fact]
    public async Task AFileOverFiftyMegabytesIsRefusedUnread()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var path = Path.Combine(database.Folder, "huge.json");
        await using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024 + 1);
        }

        var report = await database.ImportAsync(path);

        var error = Assert.Single(report.Errors);
        Assert.Equal(("huge.json", 0), (error.File, error.Line));
        Assert.Contains("50 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFilesUnknownTypesAndNonUtf8CsvAreReported()
    {
        await using var database = await ImportDatabase.CreateAsync();
        // "编码" in GBK, as Excel's plain "CSV" writes it on Chinese Windows.
        var gbk = database.WriteBytes("gbk.csv", [0xB1, 0xE0, 0xC2, 0xEB, (byte)',', (byte)'x', (byte)'\n']);

        var report = await database.ImportAsync(Path.Combine(database.Folder, "absent.json"), database.Write("notes.txt", "hello"), gbk);

        Assert.Equal(["absent.json", "notes.txt", "gbk.csv"], report.Errors.Select(e => e.File));
        Assert.Contains("不存在", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains(".txt", report.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", report.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderThatNamesNoKnownColumnsIsReported()
    {
        await using var database = await ImportDatabase.CreateAsync();

        var report = await database.ImportAsync(
            database.Write("what.csv", "foo,bar\n1,2\n"),
            database.Write("grids.csv", "code,name,level,colour\nA,甲,District,red\n"));

        Assert.Contains(report.Errors, e => e is { File: "what.csv", Line: 1 } && e.Message.Contains("'foo'", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e is { File: "grids.csv", Line: 1 } && e.Message.Contains("'colour'", StringComparison.Ordinal));
        Assert.Equal((0, 0, 0), await database.CountAsync());
    }

    private static string Message(ImportReport report, string file, int line) =>
        Assert.Single(report.Errors, e => e.File == file && e.Line == line).Message;
}
