using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Tests.Commands;

public sealed class CommandParserTests
{
    private static readonly CommandParser Parser = new([
        new FakeCommand("派单", ["派单", "assign"]),
        new FakeCommand("办结", ["办结", "close"]),
        new FakeCommand("工单", ["工单", "tickets"]),
        new FakeCommand("满意", ["满意", "基本满意", "不满意"]),
    ]);

    [Theory]
    [InlineData("派单 0007 @李明", "派单", "0007 @李明")]
    [InlineData("派单0007@李明", "派单", "0007@李明")]
    [InlineData("/assign GD20261123-0007 @李明", "assign", "GD20261123-0007 @李明")]
    [InlineData("#办结 7 已更换灯泡", "办结", "7 已更换灯泡")]
    [InlineData("＃工单", "工单", "")]
    [InlineData("  工单  待受理 ", "工单", "待受理")]
    [InlineData("不满意", "不满意", "")]
    [InlineData("基本满意", "基本满意", "")]
    public void CommandsAreRecognisedWithOrWithoutPrefixAndSpaces(string text, string alias, string arguments)
    {
        var parsed = Assert.IsType<CommandParse.Command>(Parser.Parse(text));

        Assert.Equal(alias, parsed.Invocation.Alias);
        Assert.Equal(arguments, parsed.Invocation.Arguments);
    }

    [Theory]
    [InlineData("办结了吗？")]
    [InlineData("满意度太低了")]
    [InlineData("工单怎么这么慢")]
    [InlineData("3号楼2单元楼道灯坏了")]
    [InlineData("closed door")]
    [InlineData("")]
    public void OrdinaryMessagesAreNotCommands(string text) =>
        Assert.IsType<CommandParse.NotACommand>(Parser.Parse(text));

    [Fact]
    public void AnUnknownSlashCommandIsReportedAsUnknown() =>
        Assert.Equal("frobnicate", Assert.IsType<CommandParse.Unknown>(Parser.Parse("/frobnicate now")).Word);

    [Theory]
    [InlineData("0007 已更换灯泡", "0007", "已更换灯泡")]
    [InlineData("GD20261123-0007已更换", "GD20261123-0007", "已更换")]
    [InlineData("@李明", null, "@李明")]
    public void TheTicketReferenceIsSplitFromTheRest(string arguments, string? reference, string rest)
    {
        var (r, remainder) = new CommandInvocation("办结", arguments).TakeReference();

        Assert.Equal(reference, r);
        Assert.Equal(rest, remainder);
    }

    private sealed class FakeCommand(string name, string[] aliases) : ICommand
    {
        public CommandDefinition Definition { get; } = new(name, aliases, CommandAudience.Everyone, name, name);

        public Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The parser never executes commands.");
    }
}
