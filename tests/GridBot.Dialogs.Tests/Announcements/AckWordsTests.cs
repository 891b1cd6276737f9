using GridBot.Dialogs.Announcements;

namespace GridBot.Dialogs.Tests.Announcements;

public sealed class AckWordsTests
{
    [Theory]
    [InlineData("收到")]
    [InlineData("收到！")]
    [InlineData("  已阅👍 ")]
    [InlineData("已读。")]
    [InlineData("收到了~")]
    [InlineData("OK收到")]
    public void AcknowledgementsWithPunctuationOrEmojiAreRecognised(string text) => Assert.True(AckWords.IsAck(text, out _));

    [Theory]
    [InlineData("收到通知了吗？3号楼停水")]
    [InlineData("没收到")]
    [InlineData("已读不回")]
    [InlineData("")]
    public void OtherMessagesAreNotAcknowledgements(string text) => Assert.False(AckWords.IsAck(text, out _));

    [Fact]
    public void AWeComQuoteNamesTheQuotedAnnouncement()
    {
        Assert.True(AckWords.IsAck("收到\n（引用：【公告 12】停水通知 周三停水。）", out var quoted));
        Assert.Equal(12, AckWords.QuotedNumber(quoted));
    }
}
