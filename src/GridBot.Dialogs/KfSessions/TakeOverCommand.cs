using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Identity;
using GridBot.Dialogs.Time;
using GridBot.Store.Kf;

namespace GridBot.Dialogs.KfSessions;

/// <summary>
/// 接管 &lt;工单号|客服N&gt;: the speaker takes the resident's kf session (state 3 with their WeCom userid); the bot stays
/// silent in it until 交还 or until they end it in the WeCom client.
/// </summary>
public sealed class TakeOverCommand(KfSessionFinder finder, IKfSessionControl control, ShanghaiTime clock) : KfSessionCommand(finder, clock)
{
    public override CommandDefinition Definition { get; } = new("接管", ["接管", "takeover"], CommandAudience.Staff, "接管 <工单号|客服N>", "把居民的微信客服会话转给自己人工接待");

    protected override string Verb => "接管";

    protected override string? NotNeeded(KfSession session, TurnIdentity speaker) =>
        session.IsHeldBy(speaker.UserId) ? KfSessionTexts.AlreadyYours : null;

    protected override Task<int> MoveAsync(KfSession session, TurnIdentity speaker, CancellationToken cancellationToken) =>
        control.TakeOverAsync(session, speaker.UserId, speaker.Name, cancellationToken);

    protected override string Record(KfSession session, TurnIdentity speaker, DateTime nowUtc)
    {
        session.TakeOver(speaker.UserId, nowUtc);
        return KfSessionTexts.TakenOver(session.Id);
    }
}
