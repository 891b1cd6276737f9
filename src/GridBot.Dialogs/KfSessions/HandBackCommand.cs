using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;
using GridBot.Store.Kf;

namespace GridBot.Dialogs.KfSessions;

/// <summary>
/// 交还 &lt;工单号|客服N&gt;: ends the person's session (state 4, with a closing message to the resident); the resident's
/// next message opens a session the bot answers again.
/// </summary>
public sealed class HandBackCommand(KfSessionFinder finder, IKfSessionControl control, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("交还", ["交还", "handback"], CommandAudience.Staff, "交还 <工单号|客服N>", "结束人工接待，把微信客服会话交还机器人");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var session = await finder.FindAsync(context, invocation, Definition.Usage, cancellationToken);
        if (session is null)
        {
            return;
        }

        if (session.ServiceState == KfServiceState.Bot)
        {
            context.Reply(KfSessionTexts.AlreadyBot);
            return;
        }

        var errcode = await control.HandBackAsync(session, cancellationToken);
        if (errcode != 0)
        {
            context.Reply(KfSessionTexts.Refused("交还", errcode));
            return;
        }

        session.ServiceState = KfServiceState.Bot;
        session.ServicerUserId = null;
        session.UpdatedUtc = clock.NowUtc;
        context.Reply(KfSessionTexts.HandedBack);
    }
}
