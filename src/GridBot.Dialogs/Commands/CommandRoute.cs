using GridBot.Dialogs.Core;
using GridBot.Dialogs.Routing;

namespace GridBot.Dialogs.Commands;

/// <summary>Route handler for commands: role check first, then the command; a resident gets a polite refusal.</summary>
public sealed class CommandRoute(CommandParser parser) : IRouteHandler
{
    public async Task<bool> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        switch (parser.Parse(MessageText.Of(context.Activity)))
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
