using System.Globalization;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Announcements;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// 收到 / 已阅 / 已读 in a group with an open announcement that asks for 回执 records who acknowledged it (the newest
/// open one, or the one quoted). The bot stays silent: in a group of hundreds a reply to every 收到 would bury the
/// announcement itself, and the leader sees the result with 公告 回执. Not an ack (or nothing open): the message goes on
/// to the report route, so an ack never becomes a ticket and anything else is handled as before.
/// </summary>
public sealed class AckRoute(GridBotDbContext db, ShanghaiTime clock) : IRouteHandler
{
    public async Task<bool> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        if (identity.Chat is not { } chat || identity.Member is not { } member || !AckWords.IsAck(MessageText.Of(context.Activity), out var quoted))
        {
            return false;
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

        return true;
    }
}
