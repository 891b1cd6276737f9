using GridBot.Dialogs.Core;
using GridBot.Host.Channels.WeCom.Webhook;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Kf;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// "转人工": the session goes to the grid's worker (service_state 3 with their userid) and the worker is told through
/// the app; from then on the bot stays silent until the worker ends the session in the WeCom client
/// (session_status_change 3 hands it back). Only kf can move a session to a person, so this is the channel's word,
/// handled by the channel's gate inside the turn, so the request is marked processed with it and a re-read page does not
/// hand over twice.
/// </summary>
internal sealed class KfHandOver(KfSessionControl control, TimeProvider time)
{
    private static readonly HashSet<string> Requests = new(StringComparer.OrdinalIgnoreCase) { "转人工", "人工", "人工服务", "找网格员", "human", "agent" };

    public static bool IsRequest(string? text) =>
        text is not null && Requests.Contains(text.Trim().TrimEnd('!', '！', '。', '.'));

    /// <summary>Stages the hand-over in the turn: the resident's answer as the turn's reply, the worker's task as an outbox row.</summary>
    public async Task HandOverAsync(TurnContext context, GridBotDbContext db, KfSession session, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var staff = await db.Members.AsNoTracking()
            .Where(m => m.Channel == WeComWebhookKey.Channel && m.GridId == session.GridId && (m.Role == MemberRole.Worker || m.Role == MemberRole.Leader))
            .ToListAsync(cancellationToken);
        var worker = staff.FirstOrDefault(m => m.Role == MemberRole.Worker) ?? staff.FirstOrDefault();
        if (worker is null)
        {
            context.Reply(KfTexts.NoWorker);
            return;
        }

        // Refused (not a servicer, not activated or not receiving: 95014 / 95019): the bot keeps the session and the
        // worker is asked to call back. Accepted: the resident was told with trans's msg_code (send_msg is refused in 3).
        if (await control.TakeOverAsync(session, worker.UserId, worker.Name, cancellationToken) != 0)
        {
            context.Reply(KfTexts.WorkerUnavailable(worker.Name));
            db.Outbox.Enqueue(WeComWebhookKey.Channel, worker.UserId, KfTexts.CallBackTask, now);
            return;
        }

        session.TakeOver(worker.UserId, now);
        db.Outbox.Enqueue(WeComWebhookKey.Channel, worker.UserId, KfTexts.HandedOverTask, now);
    }
}
