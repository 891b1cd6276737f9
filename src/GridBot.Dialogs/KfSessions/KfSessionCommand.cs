using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Identity;
using GridBot.Dialogs.Time;
using GridBot.Store.Kf;

namespace GridBot.Dialogs.KfSessions;

/// <summary>
/// What 接管 and 交还 share: find the session in the speaker's scope, say so when the move is not needed, ask WeCom to
/// move it (answering a refusal by its errcode) and only then record the new holder, which commits with the turn.
/// </summary>
public abstract class KfSessionCommand(KfSessionFinder finder, ShanghaiTime clock) : ICommand
{
    public abstract CommandDefinition Definition { get; }

    /// <summary>The verb in refusals ("无法接管：…").</summary>
    protected abstract string Verb { get; }

    /// <summary>Why the move is not needed now, or null to make it.</summary>
    protected abstract string? NotNeeded(KfSession session, TurnIdentity speaker);

    /// <returns>WeCom's errcode.</returns>
    protected abstract Task<int> MoveAsync(KfSession session, TurnIdentity speaker, CancellationToken cancellationToken);

    /// <summary>Records the new holder on the session and returns the answer to the speaker.</summary>
    protected abstract string Record(KfSession session, TurnIdentity speaker, DateTime nowUtc);

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var session = await finder.FindAsync(context, invocation, Definition.Usage, cancellationToken);
        if (session is null)
        {
            return;
        }

        if (NotNeeded(session, context.Identity) is { } why)
        {
            context.Reply(why);
            return;
        }

        var errcode = await MoveAsync(session, context.Identity, cancellationToken);
        if (errcode != 0)
        {
            context.Reply(KfSessionTexts.Refused(Verb, errcode));
            return;
        }

        context.Reply(Record(session, context.Identity, clock.NowUtc));
    }
}
