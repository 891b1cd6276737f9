using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Import;

/// <summary>Role words as people write them in spreadsheets, some of which mean a role only with the grid's level.</summary>
public sealed class ImportRoleWordTests
{
    [Fact]
    public async Task StaffAndHeadWordsAreResolvedFromTheLevelOfTheMembersGrid()
    {
        await using var database = await ImportDatabase.CreateAsync();
        // Grids stored by an earlier import, members in a later file: the levels come from the database.
        await database.ImportAsync(database.Write("grids.json", SampleGrids.Json));
        var members = database.Write("members.csv", """
            channel,userId,name,phone,idNumber,grid,role
            webchat,s1,街道小刘,,,S01,工作人员
            webchat,c1,社区老周,,,C01,书记
            webchat,c2,社区小吴,,,C02,staff
            webchat,g1,网格小陈,,,G01,工作人员
            webchat,g2,楼长老马,,,G01,楼长
            webchat,m1,专职小许,,,M01,专职网格员
            """);

        var report = await database.ImportAsync(members);

        Assert.True(report.Succeeded, report.Describe());
        await using var db = database.NewContext();
        var roles = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.UserId, m => m.Role, database.Token);
        Assert.Equal(MemberRole.StreetStaff, roles["s1"]);
        Assert.Equal(MemberRole.CommunityStaff, roles["c1"]);
        Assert.Equal(MemberRole.CommunityStaff, roles["c2"]);
        Assert.Equal(MemberRole.Worker, roles["g1"]);
        Assert.Equal(MemberRole.Liaison, roles["g2"]);
        Assert.Equal(MemberRole.Worker, roles["m1"]);
    }

    [Fact]
    public async Task AHeadWordAtGridLevelIsRefusedWithTheLineAndTheClearWords()
    {
        await using var database = await ImportDatabase.CreateAsync();
        // Grids and members in one import: the level comes from the file itself.
        var grids = database.Write("grids.csv", "code,name,level,parent\nS01,幸福街道,Street,\nC01,幸福里社区,Community,S01\nG01,第一网格,Grid,C01\n");
        var members = database.Write("members.csv", """
            channel,userId,name,phone,idNumber,grid,role
            webchat,c1,社区老周,,,C01,主任
            webchat,g1,网格老周,,,G01,书记
            """);

        var report = await database.ImportAsync(grids, members);

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Errors);
        Assert.Contains("members.csv", error.ToString());
        Assert.Contains("'书记' 在网格一级含义不明", error.ToString());
        Assert.Contains("网格长", error.ToString());
        Assert.Equal((0, 0, 0), await database.CountAsync());
    }
}
