using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Reminders;
using GridBot.Store;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Digests;

/// <summary>
/// Posts due daily and weekly digests into community and street staff chats (and to the staff listed in
/// Schedules:DigestRecipients) as of a moment, with the same
/// once-only notice keys and missed-fire grace as the huddles.
/// </summary>
public sealed partial class DigestSender(
    GridBotDbContext db,
    SchedulePlanner planner,
    ScheduleNoticeLedger ledger,
    DigestBuilder builder,
    ProactiveMessenger messenger,
    IOptions<ScheduleOptions> options,
    ILogger<DigestSender> logger)
{
    private static readonly ScheduleKind[] Kinds = [ScheduleKind.DailyDigest, ScheduleKind.WeeklyDigest];

    public async Task<ScheduleRunResult> RunAsync(DateTime asOfUtc, TimeSpan lookBack, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return ScheduleRunResult.None;
        }

        var grace = options.Value.MissedFireGrace;
        var slots = await planner.SlotsAsync(Kinds, asOfUtc - (lookBack > grace ? lookBack : grace), asOfUtc, null, cancellationToken);
        if (slots.Count == 0)
        {
            return ScheduleRunResult.None;
        }

        var existing = await ledger.ExistingAsync(Kinds, [.. slots.Select(s => s.Key).Distinct()], cancellationToken);
        var sent = 0;
        var skipped = 0;
        foreach (var slot in slots.Where(s => !existing.Contains((s.Kind, s.Target.Code, s.Key))))
        {
            var notice = new ScheduleNotice { Kind = slot.Kind, Scope = slot.Target.Code, Slot = slot.Key, AtUtc = asOfUtc };
            if (slot.FireUtc <= asOfUtc - grace)
            {
                notice.Skipped = true;
                db.ScheduleNotices.Add(notice);
                skipped += await ledger.TrySaveAsync(cancellationToken) ? 1 : 0;
                LogSkipped(logger, slot.Kind, slot.Target.Code, slot.Key);
                continue;
            }

            var period = slot.Kind == ScheduleKind.WeeklyDigest ? DigestPeriod.Weekly : DigestPeriod.Daily;
            var report = await builder.BuildAsync(slot.Target.Code, period, DateOnly.FromDateTime(slot.LocalTime), cancellationToken);
            var text = DigestText.Render(report!, options.Value.MaxMessageBytes);
            db.ScheduleNotices.Add(notice);
            foreach (var chat in await db.Chats.AsNoTracking().Where(c => c.GridId == slot.Target.GridId).ToListAsync(cancellationToken))
            {
                messenger.Enqueue(chat.Channel, chat.ChatId, null, text);
            }

            foreach (var person in options.Value.DigestRecipients.Where(r => r.Scope == slot.Target.Code))
            {
                messenger.Enqueue(person.Channel, person.ConversationId, null, text);
            }

            sent += await ledger.TrySaveAsync(cancellationToken) ? 1 : 0;
        }

        return new ScheduleRunResult(sent, skipped, slots.Count - sent - skipped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Kind} for {Scope} at {Slot}: the host was down past the missed-fire grace")]
    private static partial void LogSkipped(ILogger logger, ScheduleKind kind, string scope, string slot);
}
