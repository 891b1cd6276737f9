using System.Text.Json;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridBot.Host.Tests.StaffConsole;

/// <summary>
/// The chat page can say what a WeCom group can: an @-mention of the bot (a mention entity), a quote of the bot's
/// message (replyToId) and a private chat (a non-group conversation of the speaker), checked on the activities it posts.
/// </summary>
public sealed class ChatPageDirectAddressTests
{
    [Fact]
    public async Task The_chat_page_sends_a_bot_mention_a_quote_and_a_private_chat()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPhonePageAsync(host.Address);
        await page.GotoAsync("/");
        await page.Locator("#chat-select").SelectOptionAsync("demo-c01-g01");
        await page.Locator("#identity-picker button.role-resident").First.ClickAsync();

        var report = await page.RunAndWaitForResponseAsync(() => SayAsync(page, "3号楼2单元楼道灯坏了"), r => r.Url.EndsWith("/api/webchat/messages", StringComparison.Ordinal));
        var botReplyId = JsonDocument.Parse(await report.TextAsync()).RootElement.GetProperty("activities")[0].GetProperty("id").GetString();
        await Assertions.Expect(page.Locator("#messages .msg.bot .quote-btn")).ToHaveCountAsync(1);

        var mention = await PostedAsync(page, () => SayAsync(page, "@网格小助手 你好"));
        var entity = mention.GetProperty("entities").EnumerateArray().Single();
        Assert.Equal("mention", entity.GetProperty("type").GetString());
        Assert.Equal("gridbot", entity.GetProperty("mentioned").GetProperty("id").GetString());
        Assert.Equal("@网格小助手", entity.GetProperty("text").GetString());

        await page.Locator("#messages .msg.bot .quote-btn").First.ClickAsync();
        await Assertions.Expect(page.Locator("#quote-bar")).ToContainTextAsync("引用：");
        var quoted = await PostedAsync(page, () => SayAsync(page, "什么时候能修好"));
        Assert.Equal(botReplyId, quoted.GetProperty("replyToId").GetString());
        await Assertions.Expect(page.Locator("#quote-bar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#messages .msg.own .quoted")).ToHaveCountAsync(1);

        await page.Locator("#private-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#chat-name")).ToContainTextAsync("私聊");
        var privately = await PostedAsync(page, () => SayAsync(page, "你好"));
        var conversation = privately.GetProperty("conversation");
        Assert.False(conversation.GetProperty("isGroup").GetBoolean());
        Assert.Equal("private-" + privately.GetProperty("from").GetProperty("id").GetString(), conversation.GetProperty("id").GetString());
        // The private chat has its own transcript, and the bot answers there.
        await Assertions.Expect(page.Locator("#messages .msg.own")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#messages .msg.bot")).ToHaveCountAsync(1);
    }

    private static async Task SayAsync(IPage page, string text)
    {
        await page.Locator("#input").FillAsync(text);
        await page.Locator("#send-btn").ClickAsync();
    }

    private static async Task<JsonElement> PostedAsync(IPage page, Func<Task> action)
    {
        var request = await page.RunAndWaitForRequestAsync(action, r => r.Url.EndsWith("/api/webchat/messages", StringComparison.Ordinal));
        return JsonDocument.Parse(request.PostData!).RootElement.Clone();
    }
}
