using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Kf;
using GridBot.Store.Turns;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// 微信客服's word on a customer message, inside the turn (after dedup, so a page read again never refills the reply
/// budget): the message opens a new 48 h / 5-reply window, the resident is bound to their link's grid, a resident
/// without a grid is asked for one, a session held by a person is left to them, and "转人工" hands it over. All of it
/// commits with the turn and its processed mark, or not at all.
/// </summary>
internal sealed partial class KfTurnGate(GridBotDbContext db, TurnTransaction turn, KfHandOver handOver, TimeProvider time, ILogger<KfTurnGate> logger) : IChannelGate
{
    public string ChannelId => KfChannel.Name;

    public async Task<bool> AdmitAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var now = time.GetUtcNow().UtcDateTime;
        var session = await KfSessions.GetOrAddAsync(db, activity.Recipient!.Id!, activity.From!.Id!, now, cancellationToken);
        session.CustomerWrote((activity.Timestamp ?? time.GetUtcNow()).UtcDateTime, now);
        if (session.GridId is { } gridId && await KfSessions.BindResidentAsync(db, session.ExternalUserId, gridId, cancellationToken))
        {
            // The identity step reads the resident's membership: written inside the turn's transaction, committed with it.
            await turn.FlushAsync(cancellationToken);
        }

        if (session.GridId is null)
        {
            context.Reply(KfTexts.NoGrid);
            return false;
        }

        if (!session.IsWithBot)
        {
            LogHeldByPerson(logger, activity.Id, session.Id);
            return false;
        }

        if (!KfActivityMapper.IsReadable(activity))
        {
            LogUnreadable(logger, activity.Id);
            return false;
        }

        if (KfHandOver.IsRequest(activity.Text))
        {
            await handOver.HandOverAsync(context, db, session, cancellationToken);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "kf message {Msgid} left to the person holding session {SessionId}")]
    private static partial void LogHeldByPerson(ILogger logger, string? msgid, int sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "kf message {Msgid} carries nothing the bot can read")]
    private static partial void LogUnreadable(ILogger logger, string? msgid);
}
