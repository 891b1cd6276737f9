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
    ScheduleSlotRunner runner,
    DigestBuilder builder,
    ProactiveMessenger messenger,
    IOptions<ScheduleOptions> options,
    ILogger<DigestSender> logger)
{
    private static readonly ScheduleKind[] Kinds = [ScheduleKind.DailyDigest, ScheduleKind.WeeklyDigest];

    public Task<ScheduleRunResult> RunAsync(DateTime asOfUtc, TimeSpan lookBack, CancellationToken cancellationToken) =>
        runner.RunEachAsync(Kinds, asOfUtc, lookBack, StageAsync, slot => LogSkipped(logger, slot.Kind, slot.Target.Code, slot.Key), cancellationToken);

    private async Task StageAsync(ScheduleSlot slot, CancellationToken cancellationToken)
    {
        var period = slot.Kind == ScheduleKind.WeeklyDigest ? DigestPeriod.Weekly : DigestPeriod.Daily;
        var report = await builder.BuildAsync(slot.Target.Code, period, DateOnly.FromDateTime(slot.LocalTime), cancellationToken);
        var text = DigestText.Render(report!, options.Value.MaxMessageBytes);
        foreach (var chat in await db.Chats.AsNoTracking().Where(c => c.GridId == slot.Target.GridId).ToListAsync(cancellationToken))
        {
            messenger.Enqueue(chat.Channel, chat.ChatId, null, text);
        }

        foreach (var person in options.Value.DigestRecipients.Where(r => r.Scope == slot.Target.Code))
        {
            messenger.Enqueue(person.Channel, person.ConversationId, null, text);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Kind} for {Scope} at {Slot}: the host was down past the missed-fire grace")]
    private static partial void LogSkipped(ILogger logger, ScheduleKind kind, string scope, string slot);
}
