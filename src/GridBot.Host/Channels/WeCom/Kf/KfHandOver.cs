using GridBot.Host.Channels.WeCom.Webhook;
using GridBot.Store;
using GridBot.Store.Conversations;
using GridBot.Store.Grids;
using GridBot.Store.Kf;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// "转人工": the session goes to the grid's worker (service_state 3 with their userid) and the worker is told through
/// the app; from then on the bot stays silent until the worker ends the session in the WeCom client
/// (session_status_change 3 hands it back). Only kf can move a session to a person, so this is the channel's word,
/// handled before the turn. The request is marked processed under its msgid, so a re-read page does not hand over twice.
/// </summary>
internal sealed class KfHandOver(KfSessionControl control, TimeProvider time)
{
    private static readonly HashSet<string> Requests = new(StringComparer.OrdinalIgnoreCase) { "转人工", "人工", "人工服务", "找网格员", "human", "agent" };

    public static bool IsRequest(KfMessage message) =>
        message is { Msgtype: "text", Text.Content: { } text } && Requests.Contains(text.Trim().TrimEnd('!', '！', '。', '.'));

    public async Task HandOverAsync(GridBotDbContext db, KfSession session, string msgid, CancellationToken cancellationToken)
    {
        var key = KfChannel.Name + "|" + msgid;
        if (await db.ProcessedActivities.AnyAsync(p => p.Key == key, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.ProcessedActivities.Add(new ProcessedActivity { Key = key, ProcessedUtc = now, RepliesJson = "[]" });
        var staff = await db.Members.AsNoTracking()
            .Where(m => m.Channel == WeComWebhookKey.Channel && m.GridId == session.GridId && (m.Role == MemberRole.Worker || m.Role == MemberRole.Leader))
            .ToListAsync(cancellationToken);
        var worker = staff.FirstOrDefault(m => m.Role == MemberRole.Worker) ?? staff.FirstOrDefault();
        if (worker is null)
        {
            Say(db, KfChannel.Name, session.ConversationId, KfTexts.NoWorker, now);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        // Refused (not a servicer, not activated or not receiving: 95014 / 95019): the bot keeps the session and the
        // worker is asked to call back. Accepted: the resident was told with trans's msg_code (send_msg is refused in 3).
        if (await control.TakeOverAsync(session, worker.UserId, worker.Name, cancellationToken) != 0)
        {
            Say(db, KfChannel.Name, session.ConversationId, KfTexts.WorkerUnavailable(worker.Name), now);
            Say(db, WeComWebhookKey.Channel, worker.UserId, KfTexts.CallBackTask, now);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var tracked = await db.KfSessions.SingleAsync(s => s.Id == session.Id, cancellationToken);
        tracked.ServiceState = KfServiceState.Person;
        tracked.ServicerUserId = worker.UserId;
        tracked.UpdatedUtc = now;
        Say(db, WeComWebhookKey.Channel, worker.UserId, KfTexts.HandedOverTask, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Say(GridBotDbContext db, string channel, string conversationId, string text, DateTime now) =>
        db.Outbox.Add(new OutboxMessage { Channel = channel, ConversationId = conversationId, Text = text, CreatedUtc = now, NextAttemptUtc = now });
}
