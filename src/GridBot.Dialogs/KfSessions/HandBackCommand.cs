using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Identity;
using GridBot.Dialogs.Time;
using GridBot.Store.Kf;

namespace GridBot.Dialogs.KfSessions;

/// <summary>
/// 交还 &lt;工单号|客服N&gt;: ends the person's session (state 4, with a closing message to the resident); the resident's
/// next message opens a session the bot answers again.
/// </summary>
public sealed class HandBackCommand(KfSessionFinder finder, IKfSessionControl control, ShanghaiTime clock) : KfSessionCommand(finder, clock)
{
    public override CommandDefinition Definition { get; } = new("交还", ["交还", "handback"], CommandAudience.Staff, "交还 <工单号|客服N>", "结束人工接待，把微信客服会话交还机器人");

    protected override string Verb => "交还";

    protected override string? NotNeeded(KfSession session, TurnIdentity speaker) =>
        session.IsWithBot ? KfSessionTexts.AlreadyBot : null;

    protected override Task<int> MoveAsync(KfSession session, TurnIdentity speaker, CancellationToken cancellationToken) =>
        control.HandBackAsync(session, cancellationToken);

    protected override string Record(KfSession session, TurnIdentity speaker, DateTime nowUtc)
    {
        session.HandBack(nowUtc);
        return KfSessionTexts.HandedBack;
    }
}
