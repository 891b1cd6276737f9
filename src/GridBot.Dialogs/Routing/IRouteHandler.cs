using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Routing;

public interface IRouteHandler
{
    /// <returns>False to let the next matching route try.</returns>
    Task<bool> HandleAsync(TurnContext context, CancellationToken cancellationToken);
}
