using GridBot.Dialogs.Texts;
using System.Text;
using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WeCom.Webhook;

namespace GridBot.Host.Tests.WeCom;

public sealed class WeComTextLimitTests
{
    [Theory]
    [InlineData("电梯坏了", 7, "电梯")]
    [InlineData("电梯坏了", 6, "电梯")]
    [InlineData("电梯坏了", 5, "电")]
    [InlineData("ab🚧cd", 5, "ab")]
    [InlineData("ab🚧cd", 6, "ab🚧")]
    [InlineData("short", 100, "short")]
    public void TruncationCountsUtf8BytesAndNeverSplitsACharacter(string text, int maxBytes, string expected) =>
        Assert.Equal(expected, Utf8Text.Truncate(text, maxBytes));

    [Fact]
    public void AFirstLineLongerThanTheLimitIsCutBetweenCharactersAndTheRestAreCounted()
    {
        var lines = new[] { new string('楼', 2000), "第二条", "第三条" };

        var content = WeComMarkdown.Fit(lines, WeComWebhookMessage.MaxMarkdownBytes);

        Assert.True(Encoding.UTF8.GetByteCount(content) <= WeComWebhookMessage.MaxMarkdownBytes);
        Assert.EndsWith("…\n…另有 2 条", content, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', content);
    }

    [Fact]
    public void LinesThatFitAreSentWhole() =>
        Assert.Equal("一\n二", WeComMarkdown.Fit(["一", "二"], 4096));

    [Theory]
    [InlineData("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", true)]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", true)]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send", false)]
    [InlineData("短", false)]
    [InlineData("693a91f6 7xxx", false)]
    public void AWebhookKeyIsTakenBareOrFromTheConsoleUrl(string value, bool valid)
    {
        Assert.Equal(valid, WeComWebhookKey.TryParse(value, out var key));
        if (valid)
        {
            Assert.Equal("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", key);
        }
    }
}
