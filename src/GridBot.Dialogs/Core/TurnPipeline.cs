using GridBot.Dialogs.Pipeline;
using GridBot.Dialogs.Routing;

namespace GridBot.Dialogs.Core;

/// <summary>
/// The turn pipeline, in the order it runs, written here and nowhere else (DI only supplies the steps):
/// <list type="number">
/// <item>lock: one turn at a time per conversation, so dedup and dialog state never race;</item>
/// <item>transaction: the turn's unit of work (<see cref="Store.Turns.TurnTransaction"/>) begins, and after the rest
/// it stages the outbox replies and the processed mark and commits, or rolls back;</item>
/// <item>dedup: an activity id handled before gets its first answer and nothing else runs;</item>
/// <item>slow-turn hook: test-only delay, off unless <c>Testing:SlowTurns:Delay</c> is set;</item>
/// <item>error boundary: a bug drops the turn's changes and apologises (a storage fault goes up as 503);</item>
/// <item>channel gate: a channel's own word on the message before the bot's (微信客服: session window, 转人工);</item>
/// <item>identity: grid and role, or a polite answer to a stranger;</item>
/// <item>dialog state: the speaker's dialog stack loaded, and staged for the commit after;</item>
/// <item>router: command → active dialog → 回执 → report.</item>
/// </list>
/// </summary>
public sealed class TurnPipeline
{
    private readonly ITurnMiddleware[] _steps;

    public TurnPipeline(
        TurnLockMiddleware turnLock,
        TurnTransactionMiddleware transaction,
        DedupMiddleware dedup,
        SlowTurnHookMiddleware slowTurnHook,
        ErrorBoundaryMiddleware errorBoundary,
        ChannelGateMiddleware channelGate,
        IdentityMiddleware identity,
        DialogStateMiddleware dialogState,
        RouterMiddleware router) =>
        _steps = [turnLock, transaction, dedup, slowTurnHook, errorBoundary, channelGate, identity, dialogState, router];

    public Task RunAsync(TurnContext context, CancellationToken cancellationToken) => Step(0, context, cancellationToken);

    private Task Step(int index, TurnContext context, CancellationToken cancellationToken) =>
        index == _steps.Length
            ? Task.CompletedTask
            : _steps[index].OnTurnAsync(context, ct => Step(index + 1, context, ct), cancellationToken);
}
