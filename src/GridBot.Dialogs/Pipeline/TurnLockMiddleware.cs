using GridBot.Dialogs.Core;
using GridBot.Store.Coordination;

namespace GridBot.Dialogs.Pipeline;

/// <summary>One turn at a time per conversation, so dedup checks and dialog state never race.</summary>
public sealed class TurnLockMiddleware(ITurnLock turnLock) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        await using var held = await turnLock.AcquireAsync(context.ConversationKey, cancellationToken);
        await next(cancellationToken);
    }
}
