namespace GridBot.Dialogs.Core;

/// <summary>Runs the middleware in registration order; the last one (the router) does the work.</summary>
public sealed class TurnPipeline(IEnumerable<IMiddleware> middleware)
{
    private readonly IMiddleware[] _steps = [.. middleware];

    public Task RunAsync(TurnContext context, CancellationToken cancellationToken) => Step(0, context, cancellationToken);

    private Task Step(int index, TurnContext context, CancellationToken cancellationToken) =>
        index == _steps.Length
            ? Task.CompletedTask
            : _steps[index].OnTurnAsync(context, ct => Step(index + 1, context, ct), cancellationToken);
}
