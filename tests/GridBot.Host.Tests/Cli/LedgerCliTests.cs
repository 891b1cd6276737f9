using ClosedXML.Excel;
using GridBot.Host.Cli;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.Cli;

public sealed class LedgerCliTests
{
    [Fact]
    public async Task The_ledger_verb_writes_a_months_tickets_of_a_community_with_a_statistics_sheet()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var inScope = (await host.Chat("demo-c01-g01").SayAsync(Person.Resident("张阿姨"), "3号楼2单元楼道灯坏了好几天了，电话13812345678", ct)).TicketNumber;
        var outside = (await host.Chat("demo-c02-g01").SayAsync(Person.Resident("李大爷"), "7号楼门口的垃圾没人清理", ct)).TicketNumber;
        var month = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai").ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");

        var code = await CliCommands.RunAsync(
            ["ledger", "--scope", "DEMO-S01-C01", "--month", month, "--out", file, $"--ConnectionStrings:GridBot=Data Source={host.DatabasePath}", "--Demo:Enabled=false", "--Classifier:Enabled=false"], ct);
        var usage = await CliCommands.RunAsync(["ledger", "--scope", "DEMO-S01-C01", "--month", "November", "--out", file], ct);

        try
        {
            Assert.Equal(0, code);
            Assert.Equal(2, usage);
            using var workbook = new XLWorkbook(file);
            var sheet = workbook.Worksheet("工单台账");
            Assert.Equal(2, sheet.LastRowUsed().RowNumber());
            Assert.Equal(inScope, sheet.Cell(2, 1).GetString());
            Assert.Equal("幸福里社区", sheet.Cell(2, 6).GetString());
            Assert.DoesNotContain("13812345678", sheet.Cell(2, 9).GetString(), StringComparison.Ordinal);
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.True(sheet.AutoFilter.IsEnabled);
            Assert.DoesNotContain(outside, string.Join(",", sheet.Column(1).CellsUsed().Select(c => c.GetString())), StringComparison.Ordinal);
            var stats = workbook.Worksheet("网格月度统计");
            Assert.Equal("DEMO-S01-C01-G01", stats.Cell(2, 1).GetString());
            Assert.Equal(1, stats.Cell(2, 4).GetValue<int>());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
