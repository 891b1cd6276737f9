using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Conversations;
using GridBot.Store.Kf;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// What one pulled kf item does: a customer message opens a new 48 h / 5-reply window and becomes a turn (unless a
/// person holds the session); enter_session binds the resident to the grid of the link's scene and greets them with
/// the welcome_code; session_status_change tracks who holds the session; servicer messages are only observed.
/// </summary>
internal sealed partial class KfMessageHandler(
    IServiceScopeFactory scopes, BotAdapter adapter, KfApiClient api, KfHandOver handOver, TimeProvider time, ILogger<KfMessageHandler> logger)
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

    private async Task HandleCustomerAsync(string openKfid, KfMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        KfSession session;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            session = await KfSessions.GetOrAddAsync(db, openKfid, message.ExternalUserid!, now, cancellationToken);

            // Committed before the turn: the turn's replies are outbox rows, and the sender reads this window and budget.
            // A message read again (a page re-read after a crash) was processed and must not refill the budget.
            var key = KfChannel.Name + "|" + message.Msgid;
            if (!await db.ProcessedActivities.AnyAsync(p => p.Key == key, cancellationToken))
            {
                session.CustomerWrote(DateTimeOffset.FromUnixTimeSeconds(message.SendTime).UtcDateTime);
            }

            session.UpdatedUtc = now;
            if (session.GridId is { } gridId)
            {
                await KfSessions.BindResidentAsync(db, session.ExternalUserId, gridId, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (session.GridId is null)
            {
                await AskForGridAsync(db, session, message.Msgid!, now, cancellationToken);
                return;
            }

            if (session.ServiceState == KfServiceState.Person)
            {
                // Marked handled: a page read again after the session went back to the bot must not turn it into a ticket.
                if (!await db.ProcessedActivities.AnyAsync(p => p.Key == key, cancellationToken))
                {
                    db.ProcessedActivities.Add(new ProcessedActivity { Key = key, ProcessedUtc = now, RepliesJson = "[]" });
                    await db.SaveChangesAsync(cancellationToken);
                }

                LogHeldByPerson(logger, message.Msgid, session.Id);
                return;
            }

            if (KfHandOver.IsRequest(message))
            {
                await handOver.HandOverAsync(db, session, message.Msgid!, cancellationToken);
                return;
            }
        }

        if (KfActivityMapper.ToActivity(openKfid, message, session) is not { } activity)
        {
            LogUnreadable(logger, message.Msgid, message.Msgtype);
            return;
        }

        await adapter.ProcessAsync(activity, repliesInResponse: false, cancellationToken);
    }

    /// <summary>
    /// A resident who came without a grid's link cannot be routed: one polite answer per message, marked processed
    /// under the msgid like a turn so a re-read page does not repeat it.
    /// </summary>
    private static async Task AskForGridAsync(GridBotDbContext db, KfSession session, string msgid, DateTime now, CancellationToken cancellationToken)
    {
        var key = KfChannel.Name + "|" + msgid;
        if (await db.ProcessedActivities.AnyAsync(p => p.Key == key, cancellationToken))
        {
            return;
        }

        db.ProcessedActivities.Add(new ProcessedActivity { Key = key, ProcessedUtc = now, RepliesJson = "[]" });
        db.Outbox.Add(new OutboxMessage
        {
            Channel = KfChannel.Name, ConversationId = session.ConversationId, ReplyToId = msgid, Text = KfTexts.NoGrid, CreatedUtc = now, NextAttemptUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task HandleEventAsync(string openKfid, KfEvent kfEvent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        string? gridName = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            var session = await KfSessions.GetOrAddAsync(db, openKfid, kfEvent.ExternalUserid!, now, cancellationToken);
            session.UpdatedUtc = now;
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
                    session.Scene = kfEvent.Scene;
                    session.GridId = grid.Id;
                    await KfSessions.BindResidentAsync(db, session.ExternalUserId, grid.Id, cancellationToken);
                    break;
                case KfEvent.SessionStatusChange when kfEvent.ChangeType == KfEvent.SessionEnded:
                    session.ServiceState = KfServiceState.Bot;
                    session.ServicerUserId = null;
                    break;
                case KfEvent.SessionStatusChange when !string.IsNullOrEmpty(kfEvent.NewServicerUserid):
                    session.ServiceState = KfServiceState.Person;
                    session.ServicerUserId = kfEvent.NewServicerUserid;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "kf message {Msgid} left to the person holding session {SessionId}")]
    private static partial void LogHeldByPerson(ILogger logger, string? msgid, int sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "kf message {Msgid} of type {Msgtype} carries nothing the bot can read")]
    private static partial void LogUnreadable(ILogger logger, string? msgid, string? msgtype);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf session {SessionId} entered with a scene that names no grid")]
    private static partial void LogUnknownScene(ILogger logger, int sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf send {FailMsgid} failed after acceptance: fail_type {FailType}")]
    private static partial void LogSendFailed(ILogger logger, string? failMsgid, int failType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kf welcome refused with errcode {Errcode}")]
    private static partial void LogWelcomeRefused(ILogger logger, int errcode);
}
