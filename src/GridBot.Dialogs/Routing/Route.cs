using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Routing;

public sealed record Route(string Name, Func<TurnContext, bool> Selector, Type Handler);
