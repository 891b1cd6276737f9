using System.Text.RegularExpressions;
using ClosedXML.Excel;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridBot.Host.Tests.StaffConsole;

/// <summary>
/// The staff console and the chat page in a real browser: a resident reports in the chat page, the leader signs in
/// with the link the bot sent, filters the board, closes the ticket, the group's chat shows the notice, and the
/// ledger downloads and opens. Every page passes axe; screenshots (phone width) go to artifacts/screenshots.
/// </summary>
public sealed partial class ConsoleBrowserTests
{
    [Fact]
    public async Task A_leader_closes_a_residents_report_from_the_console_and_the_chat_gets_the_notice()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, ConsoleClient.PublicBaseUrlSetting);
        await using var browser = await Browser.LaunchAsync();

        // The chat page: a resident of 幸福里社区第一网格群 reports, and sees the ticket number.
        var chat = await browser.NewPhonePageAsync(host.Address);
        await chat.GotoAsync("/");
        await chat.Locator("#chat-select").SelectOptionAsync("demo-c01-g01");
        await chat.Locator("#identity-picker button.role-resident").First.ClickAsync();
        await chat.Locator("#input").FillAsync("3号楼2单元楼道灯坏了好几天了");
        await chat.Locator("#send-btn").ClickAsync();
        var filed = chat.Locator("#messages .msg.bot").Filter(new() { HasTextRegex = TicketNumberPattern() });
        await Assertions.Expect(filed).ToHaveCountAsync(1);
        var number = TicketNumberPattern().Match(await filed.InnerTextAsync()).Value;
        await Browser.AssertAccessibleAsync(chat, "chat page");
        await Browser.ScreenshotAsync(chat, "chat-390");

        // The leader asks the bot privately for a link and signs in with it.
        var link = await ConsoleClient.RequestLinkAsync(host, Person.LeaderWang, ct);
        var console = await browser.NewPhonePageAsync(host.Address);
        await console.GotoAsync(link);
        await Browser.AssertAccessibleAsync(console, "link page");
        await console.GetByRole(AriaRole.Button, new() { Name = "进入工作台" }).ClickAsync();
        await Assertions.Expect(console).ToHaveURLAsync(new Regex("/console$"));
        await Assertions.Expect(console.Locator(".who")).ToHaveTextAsync("王芳");

        // Board: filter to new tickets of the grid; the report is there.
        await console.Locator("select[name=grid]").SelectOptionAsync("DEMO-S01-C01-G01");
        await console.Locator("select[name=status]").SelectOptionAsync("New");
        await console.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(console).ToHaveURLAsync(new Regex("grid=DEMO-S01-C01-G01.*status=New"));
        await Assertions.Expect(console.Locator(".ticket")).ToHaveCountAsync(1);
        await Browser.AssertAccessibleAsync(console, "board");
        await Browser.ScreenshotAsync(console, "board-390");

        // Ticket page: dispatch it to 李明 and close it with a note, as 派单 and 办结 in chat would.
        await console.Locator(".ticket a").ClickAsync();
        await Assertions.Expect(console.Locator("h1")).ToHaveTextAsync("工单 " + number);
        await Browser.AssertAccessibleAsync(console, "ticket page");
        await Browser.ScreenshotAsync(console, "ticket-390");
        await console.Locator("#f-assign").SelectOptionAsync("李明");
        await console.GetByRole(AriaRole.Button, new() { Name = "派单" }).ClickAsync();
        await Assertions.Expect(console.Locator(".notice")).ToContainTextAsync("@李明 工单 " + number + " 已派给您");
        await Assertions.Expect(console.Locator(".facts")).ToContainTextAsync("承办人李明");
        await console.Locator("#f-resolve").FillAsync("已更换灯泡");
        await console.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Assertions.Expect(console.Locator(".notice")).ToContainTextAsync("已办结");
        await Assertions.Expect(console.Locator(".facts")).ToContainTextAsync("已更换灯泡");

        // The resident's group gets the notice through the outbox; the chat page shows it.
        await Assertions.Expect(chat.Locator("#messages .msg.bot").Filter(new() { HasText = "已办结" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Browser.ScreenshotAsync(chat, "chat-notice-390");

        // The other pages render and pass axe.
        foreach (var (path, name) in new[] { ("/console/grids", "grids"), ("/console/charts", "charts"), ("/console/schedules", "schedules"), ("/console/ledger", "ledger") })
        {
            await console.GotoAsync(path);
            await Browser.AssertAccessibleAsync(console, name);
            await Browser.ScreenshotAsync(console, name + "-390");
        }

        // Ledger: the button downloads a workbook ClosedXML opens, with the closed ticket in it.
        var download = await console.RunAndWaitForDownloadAsync(() => console.GetByRole(AriaRole.Button, new() { Name = "下载 Excel 台账" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(file);
        try
        {
            using var workbook = new XLWorkbook(file);
            var sheet = workbook.Worksheet("工单台账");
            Assert.Equal("工单编号", sheet.Cell(1, 1).GetString());
            Assert.Equal(number, sheet.Cell(2, 1).GetString());
            Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 2).DataType);
            Assert.Equal("已办结", sheet.Cell(2, 13).GetString());
            Assert.Equal("已更换灯泡", sheet.Cell(2, 19).GetString());
            Assert.Equal(1, workbook.Worksheet("网格月度统计").Cell(2, 5).GetValue<int>());
        }
        finally
        {
            File.Delete(file);
        }

        // Sign-in page (after signing out) passes axe too.
        await console.GotoAsync("/console");
        await console.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(console).ToHaveURLAsync(new Regex("/console/signin$"));
        await Browser.AssertAccessibleAsync(console, "sign-in");
        await Browser.ScreenshotAsync(console, "signin-390");
    }

    [GeneratedRegex(@"GD\d{8}-\d{4}")]
    private static partial Regex TicketNumberPattern();
}
