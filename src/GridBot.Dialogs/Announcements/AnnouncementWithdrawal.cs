using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Announcements;
using GridBot.Store.Outbox;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// 撤回: the announcement stops answering 政策 searches and 收到; parts (and customer-group rows) not yet sent are cancelled (marked failed with
/// the reason), and chats that already got it are told it is withdrawn. Staged in the caller's unit of work.
/// </summary>
public sealed class AnnouncementWithdrawal(GridBotDbContext db, TurnTransaction turn, ShanghaiTime clock)
{
    public const string CancelledReason = "withdrawn before sending (公告已撤回)";

    public async Task WithdrawAsync(Announcement announcement, string by, CancellationToken cancellationToken)
    {
        // A fan-out chunk committing between the command's read and this save would move the cursor (a concurrency
        // token) and fail the withdrawal with an apology. So the row is locked first (the turn's write transaction;
        // on PostgreSQL the no-op update's row lock, which a chunk's conditional update waits for and then finds the
        // announcement withdrawn), and read again as it is now; the parts below are then all the chunks written.
        await turn.EnsureWriteAsync(cancellationToken);
        await db.Announcements.Where(a => a.Id == announcement.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.WithdrawnBy, a => a.WithdrawnBy), cancellationToken);
        await db.Entry(announcement).ReloadAsync(cancellationToken);
        var now = clock.NowUtc;
        announcement.Withdraw(now, by);
        var parts = await db.AnnouncementDeliveryParts.Where(p => db.AnnouncementDeliveries.Any(d => d.Id == p.DeliveryId && d.AnnouncementId == announcement.Id))
            .Select(p => new { p.OutboxMessageId, p.OutboxMessage!.Status, p.OutboxMessage.Channel, p.OutboxMessage.ConversationId })
            .ToListAsync(cancellationToken);
        // Customer-group rows not yet turned into owner tasks are cancelled too; tasks already with their owners stay
        // (WeCom's cancel_groupmsg_send is not used yet), so the withdrawal notice reaches the groups only by the owners.
        var groupRows = await db.AnnouncementGroupSends.Where(s => s.AnnouncementId == announcement.Id && s.OutboxMessage!.Status == OutboxStatus.Pending)
            .Select(s => s.OutboxMessageId).ToListAsync(cancellationToken);
        var pending = parts.Where(p => p.Status == OutboxStatus.Pending).Select(p => p.OutboxMessageId).Concat(groupRows).ToList();
        // Tracked rather than ExecuteUpdate: the change commits with the withdrawal or not at all.
        foreach (var row in await db.Outbox.Where(o => pending.Contains(o.Id) && o.Status == OutboxStatus.Pending).ToListAsync(cancellationToken))
        {
            row.Cancel(CancelledReason);
        }

        foreach (var chat in parts.Where(p => p.Status == OutboxStatus.Sent).Select(p => (p.Channel, p.ConversationId)).Distinct())
        {
            db.Outbox.Enqueue(chat.Channel, chat.ConversationId, AnnouncementTexts.Withdrawn(announcement.Number, announcement.Title), now);
        }
    }
}
