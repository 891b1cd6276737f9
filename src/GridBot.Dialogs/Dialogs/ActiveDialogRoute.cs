using GridBot.Dialogs.Core;
using GridBot.Dialogs.Routing;

namespace GridBot.Dialogs.Dialogs;

/// <summary>Route handler: a person in the middle of a dialog talks to that dialog first.</summary>
public sealed class ActiveDialogRoute(DialogRunner runner) : IRouteHandler
{
    public Task<bool> HandleAsync(TurnContext context, CancellationToken cancellationToken) =>
        runner.ContinueAsync(context, cancellationToken);
}
