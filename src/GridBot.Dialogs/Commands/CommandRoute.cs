using GridBot.Dialogs.Core;
using GridBot.Dialogs.Routing;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// Route handler for commands: role check first, then the command; a resident gets a polite refusal. Staff may also
/// say it in plain words (<see cref="StaffWords"/>), which runs the same command.
/// </summary>
public sealed class CommandRoute(CommandParser parser) : IRouteHandler
{
    public async Task<bool> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = MessageText.Of(context.Activity);
        var parse = parser.Parse(text);
        if (parse is CommandParse.NotACommand && context.Identity.IsStaff && StaffWords.Read(text, context.Identity.Name) is { } words
            && parser.Commands.FirstOrDefault(c => c.Definition.Name == words.Command) is { } plain)
        {
            parse = new CommandParse.Command(plain, new CommandInvocation(words.Command, words.Arguments) { About = words.About });
        }

        switch (parse)
        {
            case CommandParse.Command { Handler: var command, Invocation: var invocation }:
                if (command.Definition.Audience == CommandAudience.Staff && !context.Identity.IsStaff)
                {
                    context.Reply(CommandTexts.StaffOnly(command.Definition.Name));
                    return true;
                }

                await command.ExecuteAsync(context, invocation, cancellationToken);
                return true;
            case CommandParse.Unknown { Word: var word }:
                context.Reply(CommandTexts.Unknown(word));
                return true;
            default:
                return false;
        }
    }
}
