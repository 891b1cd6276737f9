using GridBot.Dialogs.Core;
using GridBot.Dialogs.Routing;

namespace GridBot.Dialogs.Tests.Routing;

public sealed class MessageTextTests
{
    private static Activity Group(string text, params Entity[] entities) => new()
    {
        Text = text,
        Recipient = new ChannelAccount { Id = "bot", Name = "网格小助手" },
        Conversation = new ConversationAccount { Id = "g", IsGroup = true },
        Entities = entities.Length == 0 ? null : [.. entities],
    };

    [Fact]
    public void AMentionOfTheBotAddressesItAndIsCutFromTheWords()
    {
        var activity = Group("@小网 6栋楼顶漏水", new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "bot" }, Text = "@小网" });

        Assert.True(MessageText.IsAddressed(activity));
        Assert.Equal("6栋楼顶漏水", MessageText.Of(activity));
    }

    [Fact]
    public void AQuoteOfTheBotIsAMentionWithoutText()
    {
        var activity = Group("好的，在5栋", new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "bot" } });

        Assert.True(MessageText.IsAddressed(activity));
        Assert.Equal("好的，在5栋", MessageText.Of(activity));
    }

    [Fact]
    public void AReplyToOneOfTheBotsMessagesAddressesIt()
    {
        var activity = Group("大概什么时候能修好");
        activity.ReplyToId = "bot-reply-1";

        Assert.True(MessageText.IsAddressed(activity));
    }

    [Fact]
    public void TheBotsNameTypedWithoutAnEntityStillAddressesIt()
    {
        var activity = Group("＠网格小助手 谢谢");

        Assert.True(MessageText.IsAddressed(activity));
        Assert.Equal("谢谢", MessageText.Of(activity));
    }

    [Fact]
    public void AMentionOfSomebodyElseInAGroupDoesNotAddressTheBot()
    {
        var activity = Group("@李明 你看看", Entity.MentionOf("worker", "李明"));

        Assert.False(MessageText.IsAddressed(activity));
        Assert.Equal("@李明 你看看", MessageText.Of(activity));
    }

    [Fact]
    public void EveryPrivateMessageIsAddressed()
    {
        var activity = new Activity { Text = "哈哈", Conversation = new ConversationAccount { Id = "u", IsGroup = false } };

        Assert.True(MessageText.IsAddressed(activity));
    }
}
