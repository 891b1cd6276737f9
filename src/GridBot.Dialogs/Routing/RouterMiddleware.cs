using GridBot.Dialogs.Core;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Dialogs.Routing;

/// <summary>The last step of the pipeline: hands the turn to the first route that takes it.</summary>
public sealed class RouterMiddleware(RouteTable table, IServiceProvider services) : IMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        foreach (var route in table.Routes)
        {
            if (!route.Selector(context))
            {
                continue;
            }

            var handler = (IRouteHandler)services.GetRequiredService(route.Handler);
            if (await handler.HandleAsync(context, cancellationToken))
            {
                return;
            }
        }

        await next(cancellationToken);
    }
}
