using GridBot.Dialogs.Core;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Dialogs.Routing;

/// <summary>
/// The last step of the pipeline: hands the turn to the first route that takes it. A message said to the bot
/// (MessageText.IsAddressed) is never met with silence: when no route had anything to say, it gets a short
/// "没太明白" with an example, whatever the classifier thought.
/// </summary>
public sealed class RouterMiddleware(RouteTable table, IServiceProvider services) : ITurnMiddleware
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
                AnswerDirectAddress(context);
                return;
            }
        }

        AnswerDirectAddress(context);
        await next(cancellationToken);
    }

    private static void AnswerDirectAddress(TurnContext context)
    {
        if (context.Activity.Type == ActivityTypes.Message && context.Replies.Count == 0 && MessageText.IsAddressed(context.Activity))
        {
            context.Reply(RoutingTexts.NotUnderstood);
        }
    }
}
