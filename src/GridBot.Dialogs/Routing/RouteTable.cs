using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Routing;

/// <summary>Ordered selector → handler pairs; the first match that takes the turn wins.</summary>
public sealed class RouteTable
{
    private readonly List<Route> _routes = [];

    public IReadOnlyList<Route> Routes => _routes;

    public RouteTable Add<THandler>(string name, Func<TurnContext, bool> selector)
        where THandler : IRouteHandler
    {
        _routes.Add(new Route(name, selector, typeof(THandler)));
        return this;
    }
}
