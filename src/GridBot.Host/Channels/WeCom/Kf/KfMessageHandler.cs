using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// What one pulled kf item does: a customer message becomes a turn (the kf rules, window and 转人工 included, run in it
/// through <see cref="KfTurnGate"/>); enter_session binds the resident to the grid of the link's scene and greets them with
/// the welcome_code; session_status_change tracks who holds the session; servicer messages are only observed.
/// </summary>
internal sealed partial class KfMessageHandler(
    IServiceScopeFactory scopes, BotAdapter adapter, KfApiClient api, TimeProvider time, ILogger<KfMessageHandler> logger)
{
    public async Task HandleAsync(string openKfid, KfMessage message, CancellationToken cancellationToken)
    {
        switch (message.Origin)
        {
            case KfMessage.SystemEvent when message.Event is { ExternalUserid.Length: > 0 } kfEvent:
                await HandleEventAsync(kfEvent.OpenKfid ?? openKfid, kfEvent, cancellationToken);
                break;
            case KfMessage.FromCustomer when message is { ExternalUserid.Length: > 0, Msgid.Length: > 0 }:
                await HandleCustomerAsync(openKfid, message, cancellationToken);
                break;
            default:
                LogObserved(logger, message.Msgid, message.Origin, message.Msgtype);
                break;
        }
    }

    /// <summary>A customer message is a turn like any channel's: its kf rules run in the turn (<see cref="KfTurnGate"/>).</summary>
    private Task HandleCustomerAsync(string openKfid, KfMessage message, CancellationToken cancellationToken) =>
        adapter.ProcessAsync(KfActivityMapper.ToActivity(openKfid, message), TurnDelivery.ByOutbox(), cancellationToken);

    private async Task HandleEventAsync(string openKfid, KfEvent kfEvent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        string? gridName = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            var session = await KfSessions.GetOrAddAsync(db, openKfid, kfEvent.ExternalUserid!, now, cancellationToken);
            switch (kfEvent.EventType)
            {
                case KfEvent.EnterSession when !string.IsNullOrEmpty(kfEvent.Scene):
                    var grid = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Code == kfEvent.Scene, cancellationToken);
                    if (grid is null)
                    {
                        LogUnknownScene(logger, session.Id);
                        break;
                    }

                    gridName = grid.Name;
                    session.EnteredThrough(kfEvent.Scene, grid.Id, now);
                    await KfSessions.BindResidentAsync(db, session.ExternalUserId, grid.Id, cancellationToken);
                    break;
                case KfEvent.SessionStatusChange when kfEvent.ChangeType == KfEvent.SessionEnded:
                    session.ServicerChanged(null, now);
                    break;
                case KfEvent.SessionStatusChange when !string.IsNullOrEmpty(kfEvent.NewServicerUserid):
                    session.ServicerChanged(kfEvent.NewServicerUserid, now);
                    break;
                case KfEvent.MsgSendFail:
                    LogSendFailed(logger, kfEvent.FailMsgid, kfEvent.FailType);
                    break;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (kfEvent is { EventType: KfEvent.EnterSession, WelcomeCode.Length: > 0 })
        {
            // The welcome_code works once and for 20 s: sent now, not queued behind the outbox; a re-read finds it used.
            var answer = await api.SendOnEventAsync(new KfSendRequest { Code = kfEvent.WelcomeCode, Text = new KfMessage.KfText { Content = KfTexts.Welcome(gridName) } }, cancellationToken);
            if (answer.Errcode != 0)
            {
                LogWelcomeRefused(logger, answer.Errcode);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "kf item {Msgid} (origin {Origin}, {Msgtype}) observed, not a turn")]
    private static partial void LogObserved(ILogger logger, string? msgid, int origin, string? msgtype);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf session {SessionId} entered with a scene that names no grid")]
    private static partial void LogUnknownScene(ILogger logger, int sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf send {FailMsgid} failed after acceptance: fail_type {FailType}")]
    private static partial void LogSendFailed(ILogger logger, string? failMsgid, int failType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf welcome refused with errcode {Errcode}")]
    private static partial void LogWelcomeRefused(ILogger logger, int errcode);
}
