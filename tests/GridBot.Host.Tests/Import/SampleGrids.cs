using System.IO.Compression;
using ClosedXML.Excel;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Import;

/// <summary>
/// One small district written in each format staff use: a street, two communities, a grid and a micro-grid under it,
/// two chats and three members. The child M01 comes before its parent G01 on purpose.
/// </summary>
internal static class SampleGrids
{
    public const string LeaderPhone = "13810015838";
    public const string ResidentIdNumber = "11010119900307123X";

    public const string Json = """
        {
          "grids": [
            { "code": "D01", "name": "示范区", "level": "District", "parent": null },
            { "code": "S01", "name": "幸福街道", "level": "Street", "parent": "D01" },
            { "code": "C01", "name": "幸福里社区, 东区", "level": "Community", "parent": "S01" },
            { "code": "C02", "name": "和平社区", "level": "community", "parent": "S01" },
            { "code": "M01", "name": "3号楼微网格", "level": "MicroGrid", "parent": "G01" },
            { "code": "G01", "name": "第一网格", "level": "Grid", "parent": "C01" }
          ],
          "chats": [
            { "channel": "demo", "chatId": "chat-g01", "grid": "G01", "name": "第一网格群" },
            { "channel": "demo", "chatId": "chat-c02", "grid": "C02", "name": "和平社区群" }
          ],
          "members": [
            { "channel": "demo", "userId": "u-leader", "name": "王芳", "phone": "13810015838", "grid": "G01", "role": "Leader" },
            { "channel": "demo", "userId": "u-resident", "name": "李明", "idNumber": "11010119900307123X", "grid": "G01", "role": "Resident" },
            { "channel": "demo", "userId": "u-staff", "name": "陈刚", "grid": "C01", "role": "CommunityStaff" }
          ]
        }
        """;

    // Written with a BOM and CRLF, as Excel's "CSV UTF-8" does; the comma in C01's name is quoted.
    public const string GridsCsv = "\uFEFFcode,name,level,parent\r\nD01,示范区,District,\r\nS01,幸福街道,Street,D01\r\nC01,\"幸福里社区, 东区\",Community,S01\r\nC02,和平社区,community,S01\r\nM01,3号楼微网格,MicroGrid,G01\r\nG01,第一网格,Grid,C01\r\n";

    public const string ChatsCsv = "channel,chatId,grid,name\nwebchat,chat-g01,G01,第一网格群\nwebchat,chat-c02,C02,和平社区群\n";

    public const string MembersCsv = "channel,userId,name,phone,idNumber,grid,role\nwebchat,u-leader,王芳,13810015838,,G01,Leader\nwebchat,u-resident,李明,,11010119900307123X,G01,Resident\nwebchat,u-staff,陈刚,,,C01,CommunityStaff\n";

    public static readonly Dictionary<string, string> Paths = new()
    {
        ["D01"] = "/D01/",
        ["S01"] = "/D01/S01/",
        ["C01"] = "/D01/S01/C01/",
        ["C02"] = "/D01/S01/C02/",
        ["G01"] = "/D01/S01/C01/G01/",
        ["M01"] = "/D01/S01/C01/G01/M01/",
    };

    /// <summary>The same data as a workbook, sheet names in English or Chinese.</summary>
    public static byte[] Workbook(bool chineseNames)
    {
        using var workbook = new XLWorkbook();
        var notes = workbook.Worksheets.Add("说明");
        notes.Cell(1, 1).Value = "这张表不是数据，导入时应被忽略";
        Fill(workbook.Worksheets.Add(chineseNames ? "网格" : "grids"), chineseNames ? ["编码", "名称", "层级", "上级"] : ["code", "name", "level", "parent"],
        [
            ["D01", "示范区", chineseNames ? "区" : "District", ""],
            ["S01", "幸福街道", chineseNames ? "街道" : "Street", "D01"],
            ["C01", "幸福里社区, 东区", chineseNames ? "社区" : "Community", "S01"],
            ["C02", "和平社区", chineseNames ? "社区" : "community", "S01"],
            ["M01", "3号楼微网格", chineseNames ? "微网格" : "MicroGrid", "G01"],
            ["G01", "第一网格", chineseNames ? "网格" : "Grid", "C01"],
        ]);
        Fill(workbook.Worksheets.Add(chineseNames ? "群" : "chats"), chineseNames ? ["渠道", "群ID", "网格", "群名称"] : ["channel", "chatId", "grid", "name"],
        [
            ["demo", "chat-g01", "G01", "第一网格群"],
            ["demo", "chat-c02", "C02", "和平社区群"],
        ]);
        Fill(workbook.Worksheets.Add(chineseNames ? "成员" : "members"), chineseNames ? ["渠道", "用户ID", "姓名", "手机", "身份证号", "网格", "角色"] : ["channel", "userId", "name", "phone", "idNumber", "grid", "role"],
        [
            ["demo", "u-leader", "王芳", LeaderPhone, "", "G01", chineseNames ? "网格长" : "Leader"],
            ["demo", "u-resident", "李明", "", ResidentIdNumber, "G01", chineseNames ? "居民" : "Resident"],
            ["demo", "u-staff", "陈刚", "", "", "C01", chineseNames ? "社区工作人员" : "CommunityStaff"],
        ]);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The workbook with an external-entity DTD spliced into its first data sheet, as an XXE attempt would.</summary>
    public static byte[] WithDoctype(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet2.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            var afterDeclaration = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet2.xml").Open());
            writer.Write(xml[..afterDeclaration] + "<!DOCTYPE x:worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + xml[afterDeclaration..]);
        }

        return stream.ToArray();
    }

    /// <summary>Asserts the stored tree, chats and members are exactly the sample's.</summary>
    public static async Task AssertStoredAsync(ImportDatabase database)
    {
        Assert.Equal(Paths, await database.PathsAsync());
        await using var db = database.NewContext();
        var grids = await db.Grids.ToDictionaryAsync(g => g.Id, database.Token);
        var byCode = grids.Values.ToDictionary(g => g.Code);
        Assert.Null(byCode["D01"].ParentId);
        Assert.Equal(byCode["G01"].Id, byCode["M01"].ParentId);
        Assert.Equal(GridLevel.Community, byCode["C02"].Level);
        Assert.Equal(GridLevel.MicroGrid, byCode["M01"].Level);
        Assert.Equal("幸福里社区, 东区", byCode["C01"].Name);

        var chats = await db.Chats.OrderBy(c => c.ChatId).ToListAsync(database.Token);
        Assert.Equal(["chat-c02:C02:和平社区群", "chat-g01:G01:第一网格群"], chats.Select(c => $"{c.ChatId}:{grids[c.GridId].Code}:{c.Name}"));

        var members = await db.Members.OrderBy(m => m.UserId).ToListAsync(database.Token);
        Assert.Equal(
            ["u-leader:G01:Leader:王芳", "u-resident:G01:Resident:李明", "u-staff:C01:CommunityStaff:陈刚"],
            members.Select(m => $"{m.UserId}:{grids[m.GridId].Code}:{m.Role}:{m.Name}"));
        Assert.Equal(LeaderPhone, members[0].Phone);
        Assert.Null(members[0].IdNumber);
        Assert.Equal(ResidentIdNumber, members[1].IdNumber);
        Assert.Null(members[2].Phone);
    }

    private static void Fill(IXLWorksheet sheet, string[] header, string[][] rows)
    {
        for (var column = 0; column < header.Length; column++)
        {
            sheet.Cell(1, column + 1).Value = header[column];
        }

        for (var row = 0; row < rows.Length; row++)
        {
            for (var column = 0; column < rows[row].Length; column++)
            {
                // Text cells, as staff are told to format phone and ID columns: an 18-digit number would lose digits.
                var cell = sheet.Cell(row + 2, column + 1);
                cell.DataType = XLDataType.Text;
                cell.Value = rows[row][column];
            }
        }
    }
}
