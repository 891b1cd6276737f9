using GridBot.Host.Import;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Import;

public sealed class GridDataImporterTests
{
    [Fact]
    public async Task JsonImportCreatesTheTreeWithPathsFromTheRoot()
    {
        await using var database = await ImportDatabase.CreateAsync();

        var report = await database.ImportAsync(database.Write("grids.json", SampleGrids.Json));

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(new ImportCounts(6, 0, 0), report.Grids);
        Assert.Equal(new ImportCounts(2, 0, 0), report.Chats);
        Assert.Equal(new ImportCounts(3, 0, 0), report.Members);
        Assert.Equal("导入成功。网格：新增 6，更新 0，未变 0；群：新增 2，更新 0，未变 0；成员：新增 3，更新 0，未变 0。", report.Describe());
        await SampleGrids.AssertStoredAsync(database);
    }

    [Fact]
    public async Task ThreeCsvFilesImportTheSameTreeAsJson()
    {
        await using var database = await ImportDatabase.CreateAsync();

        // Chats first: the kind comes from each header, and the files are one import whatever their order.
        var report = await database.ImportAsync(
            database.Write("chats.csv", SampleGrids.ChatsCsv),
            database.Write("members.csv", SampleGrids.MembersCsv),
            database.Write("grids.csv", SampleGrids.GridsCsv));

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal((6, 2, 3), (report.Grids.Created, report.Chats.Created, report.Members.Created));
        await SampleGrids.AssertStoredAsync(database);
    }

    [Fact]
    public async Task XlsxWorkbookImportsTheSameTreeAsJson()
    {
        await using var database = await ImportDatabase.CreateAsync();

        var report = await database.ImportAsync(database.WriteBytes("grids.xlsx", SampleGrids.Workbook(chineseNames: false)));

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal((6, 2, 3), (report.Grids.Created, report.Chats.Created, report.Members.Created));
        await SampleGrids.AssertStoredAsync(database);
    }

    [Fact]
    public async Task ChineseSheetNamesHeadersLevelsAndRolesWork()
    {
        await using var database = await ImportDatabase.CreateAsync();

        var report = await database.ImportAsync(database.WriteBytes("网格数据.xlsx", SampleGrids.Workbook(chineseNames: true)));

        Assert.True(report.Succeeded, report.Describe());
        await SampleGrids.AssertStoredAsync(database);
    }

    [Fact]
    public async Task ChineseCsvHeadersAndChineseLevelAndRoleNamesWork()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var grids = database.Write("网格.csv", "编码,名称,层级,上级\nX,某区,区县,\nJ,某镇,乡镇,X\nV,某村,村,J\nW,某网格,网格,V\nWM,某微网格,微网格,W\nZ,某学校,专属网格,V\n");
        var chats = database.Write("群.csv", "渠道,群ID,网格,群名称\nwecom,wr-001,W,某网格群\n");
        var members = database.Write("成员.csv", """
            渠道,用户ID,姓名,手机,身份证号,网格,角色
            wecom,a,甲,,,W,居民
            wecom,b,乙,,,W,楼栋长
            wecom,c,丙,,,W,网格员
            wecom,d,丁,,,W,网格长
            wecom,e,戊,,,W,网格指导员
            wecom,f,己,,,V,社区
            wecom,g,庚,,,J,街道工作人员
            """);

        var report = await database.ImportAsync(grids, chats, members);

        Assert.True(report.Succeeded, report.Describe());
        await using var db = database.NewContext();
        var levels = await db.Grids.ToDictionaryAsync(g => g.Code, g => g.Level, database.Token);
        Assert.Equal([GridLevel.District, GridLevel.Street, GridLevel.Community, GridLevel.Grid, GridLevel.MicroGrid, GridLevel.Dedicated],
            new[] { "X", "J", "V", "W", "WM", "Z" }.Select(c => levels[c]));
        var roles = await db.Members.OrderBy(m => m.UserId).Select(m => m.Role).ToListAsync(database.Token);
        Assert.Equal(
            [MemberRole.Resident, MemberRole.Liaison, MemberRole.Worker, MemberRole.Leader, MemberRole.Instructor, MemberRole.CommunityStaff, MemberRole.StreetStaff],
            roles);
        Assert.Equal("/X/J/V/Z/", (await database.PathsAsync())["Z"]);
    }

    [Fact]
    public async Task ImportingTheSameFileAgainChangesNothing()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var file = database.Write("grids.json", SampleGrids.Json);
        await database.ImportAsync(file);

        var again = await database.ImportAsync(file);

        Assert.True(again.Succeeded, again.Describe());
        Assert.Equal(new ImportCounts(0, 0, 6), again.Grids);
        Assert.Equal(new ImportCounts(0, 0, 2), again.Chats);
        Assert.Equal(new ImportCounts(0, 0, 3), again.Members);
        Assert.Equal((6, 2, 3), await database.CountAsync());
        await SampleGrids.AssertStoredAsync(database);
    }

    [Fact]
    public async Task ChangedNamePhoneAndChatGridAreUpdatesAndABlankPhoneKeepsTheStoredOne()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync(database.Write("grids.json", SampleGrids.Json));
        var changed = SampleGrids.Json
            .Replace("\"第一网格\"", "\"第一网格（新）\"", StringComparison.Ordinal)
            .Replace("13810015838", "13900000001", StringComparison.Ordinal)
            .Replace("\"chat-c02\", \"grid\": \"C02\"", "\"chat-c02\", \"grid\": \"C01\"", StringComparison.Ordinal)
            .Replace("\"idNumber\": \"11010119900307123X\", ", "", StringComparison.Ordinal);

        var report = await database.ImportAsync(database.Write("changed.json", changed));

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(new ImportCounts(0, 1, 5), report.Grids);
        Assert.Equal(new ImportCounts(0, 1, 1), report.Chats);
        Assert.Equal(new ImportCounts(0, 1, 2), report.Members);
        await using var db = database.NewContext();
        Assert.Equal("第一网格（新）", (await db.Grids.SingleAsync(g => g.Code == "G01", database.Token)).Name);
        Assert.Equal("13900000001", (await db.Members.SingleAsync(m => m.UserId == "u-leader", database.Token)).Phone);
        Assert.Equal(SampleGrids.ResidentIdNumber, (await db.Members.SingleAsync(m => m.UserId == "u-resident", database.Token)).IdNumber);
        var chat = await db.Chats.Include(c => c.Grid).SingleAsync(c => c.ChatId == "chat-c02", database.Token);
        Assert.Equal("C01", chat.Grid!.Code);
    }

    [Fact]
    public async Task ANewParentMovesTheWholeSubtree()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync(database.Write("grids.json", SampleGrids.Json));

        // Only G01 is in the file; its micro-grid M01 is not, and must follow it.
        var report = await database.ImportAsync(database.Write("move.csv", "code,name,level,parent\nG01,第一网格,Grid,C02\n"));

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(new ImportCounts(0, 1, 0), report.Grids);
        var paths = await database.PathsAsync();
        Assert.Equal("/D01/S01/C02/G01/", paths["G01"]);
        Assert.Equal("/D01/S01/C02/G01/M01/", paths["M01"]);
        Assert.Equal("/D01/S01/C01/", paths["C01"]);
        await using var db = database.NewContext();
        var c02 = await db.Grids.SingleAsync(g => g.Code == "C02", database.Token);
        Assert.Equal(c02.Id, (await db.Grids.SingleAsync(g => g.Code == "G01", database.Token)).ParentId);
    }

    [Fact]
    public async Task RowsMayReferToGridsAlreadyInTheDatabaseAndANewGridMayHangUnderOne()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync(database.Write("grids.json", SampleGrids.Json));

        var report = await database.ImportAsync(
            database.Write("more-grids.csv", "code,name,level,parent\nG02,第二网格,Grid,C01\n"),
            database.Write("more-members.csv", "channel,userId,name,phone,grid,role\nwebchat,u-leader,王芳,13810015838,G02,Leader\nwebchat,u-new,赵六,+86-139-0000-0002,C02,Worker\n"));

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(new ImportCounts(1, 0, 0), report.Grids);
        Assert.Equal(new ImportCounts(2, 0, 0), report.Members);
        Assert.Equal("/D01/S01/C01/G02/", (await database.PathsAsync())["G02"]);
        Assert.Equal((7, 2, 5), await database.CountAsync());
    }

    [Fact]
    public async Task PhoneAndIdNumbersNeverReachTheLog()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync(database.Write("grids.json", SampleGrids.Json));
        await database.ImportAsync(database.Write("bad.csv", "channel,userId,name,phone,idNumber,grid,role\nwebchat,u-x,某人,13812345678x,11010119900307999!,G01,Resident\n"));

        Assert.NotEmpty(database.Log.Entries);
        Assert.DoesNotContain(database.Log.Entries, e => e.Contains(SampleGrids.LeaderPhone, StringComparison.Ordinal)
            || e.Contains(SampleGrids.ResidentIdNumber, StringComparison.Ordinal)
            || e.Contains("13812345678", StringComparison.Ordinal)
            || e.Contains("11010119900307999", StringComparison.Ordinal));
    }
}
