using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Commands;

/// <summary>One command, one file, one registration.</summary>
public interface ICommand
{
    CommandDefinition Definition { get; }

    Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken);
}
