using System.Text.Json.Nodes;
using ClosedXML.Excel;
using GridBot.Host.Import;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.Import;

/// <summary>Staff import question/answer pairs with the ordinary import; residents' questions are answered from them.</summary>
public sealed class KnowledgeImportTests
{
    [Fact]
    public async Task A_community_imports_its_answers_from_a_spreadsheet_and_residents_get_them_by_asking()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var demo = await host.QueryAsync(db => db.KnowledgeEntries.CountAsync(ct));
        var book = Path.Combine(Path.GetTempPath(), $"kb-{Guid.NewGuid():N}.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("知识库");
            string[][] rows =
            [
                ["网格", "问题", "答案", "关键词"],
                ["DEMO-S01-C01", "社区食堂在哪里？", "幸福里社区长者食堂在幸福路90号一楼，中午11点到12点半供餐，60岁以上老人凭身份证每餐优惠3元。", "食堂、长者食堂、老年食堂、吃饭"],
                ["DEMO-S01-C01", "快递驿站几点关门？", "小区菜鸟驿站在南门旁，每天早上8点到晚上9点营业。", "快递、驿站、菜鸟"],
            ];
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    sheet.Cell(r + 1, c + 1).Value = rows[r][c];
                }
            }

            workbook.SaveAs(book);
        }

        try
        {
            var first = await ImportAsync(host, book, ct);
            var again = await ImportAsync(host, book, ct);

            Assert.True(first.Succeeded, first.Describe());
            Assert.Equal(2, first.Knowledge.Created);
            Assert.Contains("知识库：新增 2", first.Describe());
            Assert.Equal(2, again.Knowledge.Unchanged);
        }
        finally
        {
            File.Delete(book);
        }

        Assert.Equal(demo + 2, await host.QueryAsync(db => db.KnowledgeEntries.CountAsync(ct)));
        var chat = host.Chat("demo-c01-g02");
        var meal = await chat.SayAsync(Person.Resident("孙奶奶"), "请问老年食堂在哪儿啊？", ct);
        var parcel = await chat.SayAsync(Person.Resident("小吴"), "快递驿站晚上几点关门？", ct);
        var elsewhere = await host.Chat("demo-c02-g01").SayAsync(Person.Resident("和平社区的老周"), "请问老年食堂在哪儿啊？", ct);

        Assert.Contains("幸福路90号一楼", meal.Text);
        Assert.Contains("晚上9点", parcel.Text);
        // Another community's answer is not this one's: 和平社区 has no such entry, so the question goes to a person.
        Assert.DoesNotContain("幸福路90号", elsewhere.Text);
        Assert.Contains("已记为咨询", elsewhere.Text);
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task A_json_knowledge_section_updates_answers_and_a_bad_row_writes_nothing()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var updated = await ImportJsonAsync(host, new JsonArray(
            new JsonObject { ["grid"] = "DEMO", ["question"] = "低保怎么申请？", ["answer"] = "2027年起低保改为在“浙里办”App线上申请，社区帮办。", ["keywords"] = "低保、最低生活保障" },
            new JsonObject { ["grid"] = "DEMO-S01-C01-G01", ["question"] = "第一网格的网格员是谁？", ["answer"] = "第一网格网格员李明，网格长王芳。" }), ct);
        var bad = await ImportJsonAsync(host, new JsonArray(
            new JsonObject { ["grid"] = "DEMO", ["question"] = "没有答案的问题？" },
            new JsonObject { ["grid"] = "NOWHERE", ["question"] = "哪里？", ["answer"] = "不存在的网格" },
            new JsonObject { ["grid"] = "DEMO", ["question"] = "新问题？", ["answer"] = "新答案" }), ct);

        Assert.True(updated.Succeeded, updated.Describe());
        Assert.Equal(1, updated.Knowledge.Updated);
        Assert.Equal(1, updated.Knowledge.Created);
        Assert.False(bad.Succeeded);
        Assert.Contains("缺少必填字段 answer（答案）", bad.Describe());
        Assert.Contains("网格 'NOWHERE' 在导入文件和数据库中都不存在", bad.Describe());
        Assert.Equal(0, await host.QueryAsync(db => db.KnowledgeEntries.CountAsync(e => e.Question == "新问题？", ct)));

        var answer = await host.Chat("demo-c01-g01").SayAsync(Person.Resident("张阿姨"), "低保怎么申请？", ct);
        Assert.Contains("浙里办”App线上申请", answer.Text);
    }

    private static async Task<ImportReport> ImportJsonAsync(GridBotTestHost host, JsonArray knowledge, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kb-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["knowledge"] = knowledge }.ToJsonString(), ct);
        try
        {
            return await ImportAsync(host, file, ct);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<ImportReport> ImportAsync(GridBotTestHost host, string file, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync([file], ct);
    }
}
