using System.Globalization;
using GridBot.Dialogs.Reminders;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Outbox;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// Once Announcements:AckReminderAfter has passed since publication, each reached grid whose 回执 rate is below
/// Announcements:LowAckRate gets one reminder for its leader in the grid's chat. Once per (announcement, grid): the
/// <see cref="ScheduleNotice"/> key (AnnouncementAckReminder, grid code, "公告N") is written with the outbox rows.
/// </summary>
public sealed class AckReminderService(
    GridBotDbContext db,
    AnnouncementReceipts receipts,
    ScheduleNoticeLedger ledger,
    IOptions<AnnouncementOptions> options)
{
    /// <summary>The notice scope that marks an announcement as judged (no grid code is "*").</summary>
    private const string Checked = "*";

    public async Task<int> RunAsync(DateTime asOfUtc, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var latest = asOfUtc - settings.AckReminderAfter;
        var earliest = latest - settings.AckReminderWindow;
        var due = await db.Announcements.AsNoTracking()
            .Where(a => a.RequireAck && a.WithdrawnUtc == null && a.PublishedUtc >= earliest && a.PublishedUtc <= latest)
            .Select(a => new { a.Id, a.Number, a.Title }).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var announcement in due)
        {
            var slot = "公告" + announcement.Number.ToString(CultureInfo.InvariantCulture);
            var done = (await db.ScheduleNotices.AsNoTracking()
                .Where(n => n.Kind == ScheduleKind.AnnouncementAckReminder && n.Slot == slot).Select(n => n.Scope).ToListAsync(cancellationToken)).ToHashSet();
            if (done.Contains(Checked))
            {
                continue;
            }

            var low = (await receipts.RatesAsync(announcement.Id, cancellationToken))
                .Where(r => r.Rate < settings.LowAckRate && !done.Contains(r.Code)).ToList();
            foreach (var grid in low)
            {
                var leaderRows = await db.Members.AsNoTracking().Where(m => m.GridId == grid.GridId && m.Role == MemberRole.Leader)
                    .Select(m => new { m.Name, m.Channel, m.UserId }).ToListAsync(cancellationToken);
                var leaders = leaderRows.Select(l => l.Name).Distinct().ToList();
                var chats = await db.AnnouncementDeliveries.AsNoTracking().Where(d => d.AnnouncementId == announcement.Id && d.GridId == grid.GridId)
                    .Select(d => new { d.Chat!.Channel, d.Chat.ChatId }).ToListAsync(cancellationToken);
                var text = $"【回执提醒】{(leaders.Count > 0 ? "网格长" + string.Join("、", leaders) : grid.Name + "网格长")}：公告 {announcement.Number}“{announcement.Title}”" +
                    $"发布已超过 {Hours(settings.AckReminderAfter)}，{grid.Name}回执 {grid.Acknowledged}/{grid.Known}（{Percent(grid.Rate ?? 0)}），" +
                    $"低于 {Percent(settings.LowAckRate)}。发送“公告 回执 {announcement.Number}”查看未确认名单，请提醒大家回复“收到”。";
                db.ScheduleNotices.Add(new ScheduleNotice { Kind = ScheduleKind.AnnouncementAckReminder, Scope = grid.Code, Slot = slot, AtUtc = asOfUtc });
                foreach (var chat in chats)
                {
                    // The leaders are @-mentioned where the channel can (WeCom robots), so the reminder reaches them in a busy group.
                    var mentions = leaderRows.Where(l => l.Channel == chat.Channel).Select(l => l.UserId).ToList();
                    db.Outbox.Enqueue(chat.Channel, chat.ChatId, text, asOfUtc, mentions: mentions);
                }

                sent += await ledger.TrySaveAsync(cancellationToken) ? 1 : 0;
            }

            // The rate is judged once, when the time has come: later runs skip the announcement instead of re-reading
            // every member of a district-wide announcement every few minutes for the rest of the window.
            db.ScheduleNotices.Add(new ScheduleNotice { Kind = ScheduleKind.AnnouncementAckReminder, Scope = Checked, Slot = slot, Skipped = true, AtUtc = asOfUtc });
            await ledger.TrySaveAsync(cancellationToken);
        }

        return sent;
    }

    public static string Percent(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Hours(TimeSpan span) =>
        span.TotalHours >= 1 ? span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " 小时" : span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " 分钟";
}
