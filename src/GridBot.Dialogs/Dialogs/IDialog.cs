using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Dialogs;

public interface IDialog
{
    Type FrameType { get; }

    Task<DialogTurnResult> ContinueAsync(TurnContext context, DialogFrame frame, CancellationToken cancellationToken);
}
