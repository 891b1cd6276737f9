using GridBot.Store.Kf;

namespace GridBot.Dialogs.KfSessions;

/// <summary>
/// Moves a resident's 微信客服 session between the bot and a person (kf/service_state/trans) and tells the resident with
/// the msg_code WeCom returns. Implemented by the WeCom channel; the caller records the new holder on the session.
/// </summary>
public interface IKfSessionControl
{
    /// <summary>State 3 with the staff member's WeCom userid (they must be a 接待人员 of the account).</summary>
    /// <returns>WeCom's errcode: 0 when the session is theirs.</returns>
    Task<int> TakeOverAsync(KfSession session, string servicerUserId, string servicerName, CancellationToken cancellationToken);

    /// <summary>
    /// State 4 (ended): WeCom allows no move from a person back to the bot, but the resident's next message opens a
    /// new session the bot answers.
    /// </summary>
    /// <returns>WeCom's errcode: 0 when the session ended.</returns>
    Task<int> HandBackAsync(KfSession session, CancellationToken cancellationToken);
}
