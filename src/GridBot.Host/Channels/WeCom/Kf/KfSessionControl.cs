using GridBot.Dialogs.KfSessions;
using GridBot.Store.Kf;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// kf/service_state/trans for 转人工, 接管 and 交还. The msg_code WeCom returns on entering state 3 or 4 is the only way
/// to tell the resident (send_msg is refused there), and it lives 20 s for state 4: it is used at once, not queued.
/// </summary>
internal sealed partial class KfSessionControl(KfApiClient api, ILogger<KfSessionControl> logger) : IKfSessionControl
{
    public Task<int> TakeOverAsync(KfSession session, string servicerUserId, string servicerName, CancellationToken cancellationToken) =>
        MoveAsync(session, KfTransRequest.Servicer, servicerUserId, KfTexts.HandedOver(servicerName), cancellationToken);

    public Task<int> HandBackAsync(KfSession session, CancellationToken cancellationToken) =>
        MoveAsync(session, KfTransRequest.Ended, null, KfSessionTexts.ClosingForResident, cancellationToken);

    private async Task<int> MoveAsync(KfSession session, int state, string? servicerUserId, string notice, CancellationToken cancellationToken)
    {
        var answer = await api.TransAsync(new KfTransRequest
        {
            OpenKfid = session.OpenKfId, ExternalUserid = session.ExternalUserId, ServiceState = state, ServicerUserid = servicerUserId,
        }, cancellationToken);
        if (answer.Errcode != 0)
        {
            LogRefused(logger, session.Id, state, answer.Errcode);
            return answer.Errcode;
        }

        if (answer.MsgCode is { Length: > 0 } code)
        {
            var told = await api.SendOnEventAsync(new KfSendRequest { Code = code, Text = new KfMessage.KfText { Content = notice } }, cancellationToken);
            if (told.Errcode != 0)
            {
                LogRefused(logger, session.Id, state, told.Errcode);
            }
        }

        return 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf session {SessionId}: move to state {State} (or its notice) refused with errcode {Errcode}")]
    private static partial void LogRefused(ILogger logger, int sessionId, int state, int errcode);
}
