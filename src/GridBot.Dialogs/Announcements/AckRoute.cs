using System.Globalization;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Announcements;
using GridBot.Store.Grids;
using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// 收到 / 已阅 / 已读 in a group with an open announcement that asks for 回执 records who acknowledged it (the newest
/// open one, or the one quoted). The bot stays silent: in a group of hundreds a reply to every 收到 would bury the
/// announcement itself (a 收到 said to the bot, @-mentioned or quoting it, is answered), and the leader sees the result with 公告 回执. Not an ack (or nothing open): the message goes on
/// to the report route, so an ack never becomes a ticket and anything else is handled as before.
/// </summary>
public sealed class AckRoute(GridBotDbContext db, ShanghaiTime clock) : IRouteHandler
{
    public async Task<bool> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        if (identity.Member is not { } member || !AckWords.IsAck(MessageText.Of(context.Activity), out var quoted))
        {
            return false;
        }

        if (identity.Chat is not { } chat)
        {
            return identity.Channel == KfSession.Channel && await AckFromKfAsync(context, member, cancellationToken);
        }

        var open = db.AnnouncementDeliveries.AsNoTracking()
            .Where(d => d.ChatId == chat.Id && d.Announcement!.RequireAck && d.Announcement.PublishedUtc != null && d.Announcement.WithdrawnUtc == null);
        long? announcementId = null;
        var via = AnnouncementAckVia.Quote;
        if (long.TryParse(context.Activity.ReplyToId, NumberStyles.None, CultureInfo.InvariantCulture, out var quotedRow))
        {
            // The chat page quotes by the feed id, which is the outbox row of the part.
            announcementId = await open.Where(d => d.Parts.Any(p => p.OutboxMessageId == quotedRow)).Select(d => (long?)d.AnnouncementId).FirstOrDefaultAsync(cancellationToken);
        }

        if (announcementId is null && AckWords.QuotedNumber(quoted) is { } number)
        {
            announcementId = await open.Where(d => d.Announcement!.Number == number).Select(d => (long?)d.AnnouncementId).FirstOrDefaultAsync(cancellationToken);
        }

        if (announcementId is null)
        {
            via = AnnouncementAckVia.Words;
            announcementId = await open.OrderByDescending(d => d.AnnouncementId).Select(d => (long?)d.AnnouncementId).FirstOrDefaultAsync(cancellationToken);
        }

        if (announcementId is not { } id)
        {
            return false;
        }

        // A stranger's first words create their member row in this turn (id 0 until saved): they cannot have acked yet.
        if (member.Id == 0 || !await db.AnnouncementAcks.AnyAsync(a => a.AnnouncementId == id && a.MemberId == member.Id, cancellationToken))
        {
            db.AnnouncementAcks.Add(new AnnouncementAck { AnnouncementId = id, Member = member, GridId = chat.GridId, Via = via, AtUtc = clock.NowUtc });
        }

        if (MessageText.IsAddressed(context.Activity))
        {
            context.Reply(AnnouncementTexts.AckNoted);
        }

        return true;
    }

    /// <summary>
    /// A resident in a customer group cannot answer there; their 收到 on the grid's 微信客服 counts for the newest open
    /// announcement whose mass-send made a task for a group bound to their grid. A task, not only a confirmed one: the
    /// resident can only have seen it once the owner sent it, and WeCom's confirmation is polled every 10 minutes.
    /// The short thanks is an ordinary kf reply (48 h, 5 replies), so it never breaks kf's rules.
    /// </summary>
    private async Task<bool> AckFromKfAsync(TurnContext context, Member resident, CancellationToken cancellationToken)
    {
        var groups = db.CustomerGroups.Where(g => g.GridId == resident.GridId).Select(g => g.ChatId);
        var open = await db.Announcements.AsNoTracking()
            .Where(a => a.RequireAck && a.PublishedUtc != null && a.WithdrawnUtc == null
                && a.GroupSends.Any(s => db.GroupMessageTasks.Any(t => t.OutboxMessageId == s.OutboxMessageId && t.Chats.Any(c => groups.Contains(c.ChatId)))))
            .OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Number }).FirstOrDefaultAsync(cancellationToken);
        if (open is null)
        {
            return false;
        }

        if (resident.Id == 0 || !await db.AnnouncementAcks.AnyAsync(a => a.AnnouncementId == open.Id && a.MemberId == resident.Id, cancellationToken))
        {
            db.AnnouncementAcks.Add(new AnnouncementAck { AnnouncementId = open.Id, Member = resident, GridId = resident.GridId, Via = AnnouncementAckVia.Kf, AtUtc = clock.NowUtc });
        }

        context.Reply(AnnouncementTexts.KfAckThanks(open.Number));
        return true;
    }
}
