using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Pipeline;

/// <summary>Runs the activity's channel gate, if its channel has one (<see cref="IChannelGate"/>).</summary>
public sealed class ChannelGateMiddleware(IEnumerable<IChannelGate> gates) : ITurnMiddleware
{
    private readonly IChannelGate[] _gates = [.. gates];

    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        var gate = Array.Find(_gates, g => string.Equals(g.ChannelId, context.Activity.ChannelId, StringComparison.Ordinal));
        if (gate is null || await gate.AdmitAsync(context, cancellationToken))
        {
            await next(cancellationToken);
        }
    }
}
