using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Dialogs;

/// <summary>Hands the message to the dialog that owns the top frame and pops the frame when the dialog is done.</summary>
public sealed class DialogRunner(IEnumerable<IDialog> dialogs)
{
    private readonly Dictionary<Type, IDialog> _byFrame = dialogs.ToDictionary(d => d.FrameType);

    /// <returns>False when the message should be routed as a new one.</returns>
    public async Task<bool> ContinueAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var frame = context.Dialogs.Active;
        if (frame is null)
        {
            return false;
        }

        if (!_byFrame.TryGetValue(frame.GetType(), out var dialog))
        {
            context.Dialogs.Pop();
            return false;
        }

        var result = await dialog.ContinueAsync(context, frame, cancellationToken);
        if (result is not (DialogTurnResult.Waiting or DialogTurnResult.Passed) && context.Dialogs.Active is not null)
        {
            context.Dialogs.Pop();
        }

        return result is not (DialogTurnResult.Abandoned or DialogTurnResult.Passed);
    }
}
