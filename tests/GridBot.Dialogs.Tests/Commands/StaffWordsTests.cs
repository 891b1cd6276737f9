using GridBot.Dialogs.Commands;

namespace GridBot.Dialogs.Tests.Commands;

public sealed class StaffWordsTests
{
    [Theory]
    [InlineData("这个我来处理", "派单", "@李明")]
    [InlineData("这个我来处理吧！", "派单", "@李明")]
    [InlineData("我来", "派单", "@李明")]
    [InlineData("派给王芳", "派单", "@王芳")]
    [InlineData("把0012派给@王芳处理", "派单", "0012 @王芳")]
    [InlineData("交给我吧", "派单", "@李明")]
    [InlineData("0012已经处理好了", "办结", "0012 已经处理好了")]
    [InlineData("0012修好了，换了灯泡", "办结", "0012 换了灯泡")]
    [InlineData("工单12已办结", "办结", "12 已办结")]
    public void PlainWordsReadAsTheCommand(string text, string command, string arguments) =>
        Assert.Equal(new StaffWordsCommand(command, arguments), StaffWords.Read(text, "李明"));

    [Theory]
    [InlineData("2栋路灯那个派给李明", "派单", "@李明", "2栋路灯")]
    [InlineData("垃圾那个我来处理", "派单", "@李明", "垃圾")]
    [InlineData("井盖的事交给我吧", "派单", "@李明", "井盖")]
    public void PlainWordsNameTheTicketByWhatItIsAbout(string text, string command, string arguments, string about) =>
        Assert.Equal(new StaffWordsCommand(command, arguments, about), StaffWords.Read(text, "李明"));

    [Theory]
    [InlineData("我来了")]
    [InlineData("大家好，我来说两句")]
    [InlineData("电梯修好了吗")]
    [InlineData("处理好了没有啊")]
    [InlineData("3号楼楼道灯坏了")]
    public void EverythingElseStaysAMessage(string text) =>
        Assert.Null(StaffWords.Read(text, "李明"));
}
