using GridBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridBot.Host.Tests.StaffConsole;

/// <summary>
/// The chat page lets a person talk to the bot directly, as in WeCom: "@小助手" in a group, a quote of the bot's
/// message, and the private chat. Each is answered, where the same words said to the group are not.
/// </summary>
public sealed class ChatPageAddressBrowserTests
{
    [Fact]
    public async Task A_resident_mentions_quotes_and_privately_messages_the_bot_and_is_always_answered()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPhonePageAsync(host.Address);
        await page.GotoAsync("/");
        await page.Locator("#chat-select").SelectOptionAsync("demo-c01-g01");
        await page.Locator("#identity-picker button.role-resident").First.ClickAsync();
        var bot = page.Locator("#messages .msg.bot");

        // Said to the group: nobody asked the bot, so it stays quiet.
        await SendAsync(page, "今天天气不错呀");
        await Assertions.Expect(page.Locator("#typing")).ToBeHiddenAsync();
        await Assertions.Expect(bot).ToHaveCountAsync(0);

        // The @ button puts the bot's name in front; now the same words get an answer.
        await page.Locator("#at-bot-btn").ClickAsync();
        await Assertions.Expect(page.Locator("#input")).ToHaveValueAsync("@网格小助手 ");
        await page.Locator("#input").PressSequentiallyAsync("今天天气不错呀");
        await page.Locator("#send-btn").ClickAsync();
        await Assertions.Expect(bot.Filter(new() { HasText = "没太明白" })).ToHaveCountAsync(1);

        // Quoting the bot's message addresses it too.
        await bot.Last.Locator(".quote-btn").ClickAsync();
        await Assertions.Expect(page.Locator("#quote-bar")).ToBeVisibleAsync();
        await SendAsync(page, "谢谢");
        await Assertions.Expect(bot.Filter(new() { HasText = "不客气" })).ToHaveCountAsync(1);
        await Browser.AssertAccessibleAsync(page, "chat page with a quote");

        // The private chat: every message is for the bot.
        await page.Locator("#chat-select").SelectOptionAsync("dm");
        await SendAsync(page, "[表情]");
        await Assertions.Expect(page.Locator("#messages .msg.bot")).ToHaveCountAsync(1);
        await Browser.AssertAccessibleAsync(page, "private chat");
        await Browser.ScreenshotAsync(page, "chat-private-390");
    }

    private static async Task SendAsync(IPage page, string text)
    {
        await page.Locator("#input").FillAsync(text);
        await page.Locator("#send-btn").ClickAsync();
    }
}
