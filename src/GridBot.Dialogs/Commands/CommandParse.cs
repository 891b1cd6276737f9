namespace GridBot.Dialogs.Commands;

public abstract record CommandParse
{
    public sealed record Command(ICommand Handler, CommandInvocation Invocation) : CommandParse;

    public sealed record Unknown(string Word) : CommandParse;

    public sealed record NotACommand : CommandParse;
}
