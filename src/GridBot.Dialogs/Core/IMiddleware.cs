namespace GridBot.Dialogs.Core;

public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>One step of the turn pipeline; call <paramref name="next"/> to go on, or return to stop the turn here.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken);
}
