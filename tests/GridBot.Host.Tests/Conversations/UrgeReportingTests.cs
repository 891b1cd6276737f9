using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.StaffConsole;

namespace GridBot.Host.Tests.Conversations;

/// <summary>Urges are a KPI (12345 practice) and withdrawals are not closures: both show where staff look.</summary>
public sealed class UrgeReportingTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task UrgesAndWithdrawalsShowOnTheBoardTheTicketPageTheDigestAndTheLedger()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);
        var (zhang, liu, chen) = (Person.Resident("张阿姨"), Person.Resident("刘先生"), Person.Resident("陈大爷"));
        var lamp = (await chat.SayAsync(zhang, "3号楼2单元楼道灯坏了", ct)).TicketNumber;
        await chat.SayAsync(liu, "3号楼2单元楼道的灯也不亮了", ct);
        var junk = (await chat.SayAsync(chen, "8号楼楼道里堆满了杂物，走不过去", ct)).TicketNumber;
        await chat.SayAsync(zhang, "怎么还没人来修灯啊", ct);
        await chat.SayAsync(liu, "麻烦催一下，楼道灯", ct);
        await chat.SayAsync(chen, "杂物物业清走了，撤了吧", ct);
        Assert.Contains("已撤回", (await chat.SayAsync(chen, "嗯", ct)).Text);

        using var console = new ConsoleClient(host);
        await console.SignInWithTokenAsync(GridBotTestHost.ApiToken, ct);
        var board = await console.Http.GetStringAsync("/console", ct);
        var page = await console.Http.GetStringAsync($"/console/tickets/{lamp}", ct);
        var withdrawn = await console.Http.GetStringAsync($"/console/tickets/{junk}", ct);
        Assert.Contains("催办 2 次 · 网格长关注", board);
        Assert.Contains("已撤回", board);
        Assert.Contains("居民催办", page);
        Assert.Contains("多次催办，提请网格长关注", page);
        Assert.Contains("居民撤回", withdrawn);

        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai")).AddDays(1);
        var digest = await host.Http.GetFromJsonAsync<JsonElement>($"/api/digests?scope=DEMO-S01-C01&period=weekly&date={tomorrow:yyyy-MM-dd}", ct);
        var totals = digest.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("urges").GetInt32());
        Assert.Equal(1, totals.GetProperty("withdrawn").GetInt32());
        Assert.Equal(0, totals.GetProperty("closed").GetInt32());
        Assert.Equal(1, totals.GetProperty("open").GetInt32());

        var file = await host.Http.GetByteArrayAsync("/api/ledgers/tickets.xlsx?scope=DEMO-S01-C01", ct);
        using var workbook = new XLWorkbook(new MemoryStream(file));
        var sheet = workbook.Worksheet("工单台账");
        Assert.Equal("催办次数", sheet.Cell(1, 22).GetString());
        var lampRow = sheet.Column(1).CellsUsed().Single(c => c.GetString() == lamp).Address.RowNumber;
        Assert.Equal(2, sheet.Cell(lampRow, 22).GetValue<int>());
        var stats = workbook.Worksheet("网格月度统计");
        Assert.Equal("催办", stats.Cell(1, 13).GetString());
        Assert.Equal("居民撤回", stats.Cell(1, 14).GetString());
        Assert.Equal(2, stats.Cell(2, 13).GetValue<int>());
        Assert.Equal(1, stats.Cell(2, 14).GetValue<int>());
        Assert.Equal(0, stats.Cell(2, 5).GetValue<int>());
        Assert.Equal(1, stats.Cell(2, 11).GetValue<int>());
    }
}
