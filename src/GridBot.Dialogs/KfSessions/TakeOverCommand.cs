using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;
using GridBot.Store.Kf;

namespace GridBot.Dialogs.KfSessions;

/// <summary>
/// 接管 &lt;工单号|客服N&gt;: the speaker takes the resident's kf session (state 3 with their WeCom userid); the bot stays
/// silent in it until 交还 or until they end it in the WeCom client.
/// </summary>
public sealed class TakeOverCommand(KfSessionFinder finder, IKfSessionControl control, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("接管", ["接管", "takeover"], CommandAudience.Staff, "接管 <工单号|客服N>", "把居民的微信客服会话转给自己人工接待");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var session = await finder.FindAsync(context, invocation, Definition.Usage, cancellationToken);
        if (session is null)
        {
            return;
        }

        var me = context.Identity;
        if (session.ServiceState == KfServiceState.Person && session.ServicerUserId == me.UserId)
        {
            context.Reply(KfSessionTexts.AlreadyYours);
            return;
        }

        var errcode = await control.TakeOverAsync(session, me.UserId, me.Name, cancellationToken);
        if (errcode != 0)
        {
            context.Reply(KfSessionTexts.Refused("接管", errcode));
            return;
        }

        session.ServiceState = KfServiceState.Person;
        session.ServicerUserId = me.UserId;
        session.UpdatedUtc = clock.NowUtc;
        context.Reply(KfSessionTexts.TakenOver(session.Id));
    }
}
