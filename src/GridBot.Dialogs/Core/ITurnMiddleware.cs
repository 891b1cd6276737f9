namespace GridBot.Dialogs.Core;

public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>
/// One step of the turn pipeline; call <paramref name="next"/> to go on, or return to stop the turn here. Named apart
/// from ASP.NET Core's <c>IMiddleware</c>, which the host project sees too.
/// </summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken);
}
