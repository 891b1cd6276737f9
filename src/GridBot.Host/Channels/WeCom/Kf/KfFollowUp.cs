using GridBot.Host.Channels.WeCom.Webhook;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Kf;
using GridBot.Store.Outbox;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// A notice kf can no longer carry becomes a 回访 task: a FollowUp line in the related ticket's history and a private
/// app message to whoever should call or visit the resident (the person holding the session, else the grid's
/// workers, else its leaders). The task, the history line and the end of the original row are one transaction, so a
/// crash neither loses the notice nor makes a second task.
/// </summary>
internal static class KfFollowUp
{
    private static readonly TicketActor Bot = new("gridbot", "网格小助手");

    /// <returns>What happened, for the original row's record.</returns>
    public static async Task<string> HandOverAsync(
        GridBotDbContext db, KfSession session, OutboxMessage notice, KfUnreachable why, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var reason = KfTexts.Reason(why);
        var ticket = await db.Tickets
            .Where(t => t.Channel == KfChannel.Name && t.ConversationId == notice.ConversationId)
            .OrderByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var recipients = await RecipientsAsync(db, session, ticket?.GridId ?? session.GridId, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ticket?.RecordFollowUp(Bot, TicketAction.FollowUp, KfTexts.FollowUpNote(reason) + (recipients.Count == 0 ? "（网格内没有可接收任务的网格员）" : ""), nowUtc);
        foreach (var userId in recipients)
        {
            db.Outbox.Enqueue(WeComWebhookKey.Channel, userId, KfTexts.FollowUpTask(ticket?.Number, reason, notice.Text), nowUtc);
        }

        await db.SaveChangesAsync(cancellationToken);
        var outcome = recipients.Count == 0
            ? $"回访: kf cannot send ({why}) and the grid has no WeCom worker or leader; recorded on the ticket"
            : $"回访: kf cannot send ({why}); task sent to {recipients.Count} grid worker(s)";
        await db.Outbox.Where(o => o.Id == notice.Id).FailAsync(outcome, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private static async Task<List<string>> RecipientsAsync(GridBotDbContext db, KfSession session, int? gridId, CancellationToken cancellationToken)
    {
        if (session.ServicerUserId is { Length: > 0 } servicer)
        {
            return [servicer];
        }

        if (gridId is null)
        {
            return [];
        }

        var staff = await db.Members.AsNoTracking()
            .Where(m => m.Channel == WeComWebhookKey.Channel && m.GridId == gridId && (m.Role == MemberRole.Worker || m.Role == MemberRole.Leader))
            .Select(m => new { m.UserId, m.Role })
            .ToListAsync(cancellationToken);
        var workers = staff.Where(m => m.Role == MemberRole.Worker).Select(m => m.UserId).ToList();
        return workers.Count > 0 ? workers : staff.Select(m => m.UserId).ToList();
    }
}
