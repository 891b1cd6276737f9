using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Telemetry;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Schedules;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Reminders;

/// <summary>
/// Posts every due 日碰头 / 早派工 agenda into the grid's chats as of a moment. Safe to run any number of times: a slot
/// already in the notice table is not sent again, a slot older than the missed-fire grace is recorded as skipped.
/// </summary>
public sealed partial class DailyHuddleService(
    GridBotDbContext db,
    ScheduleSlotRunner runner,
    SchedulePlanner planner,
    ScheduleNoticeLedger ledger,
    ProactiveMessenger messenger,
    ShanghaiTime clock,
    IOptions<ScheduleOptions> options,
    GridBotTelemetry telemetry,
    ILogger<DailyHuddleService> logger)
{
    private static readonly ScheduleKind[] Kinds = [ScheduleKind.DailyHuddle, ScheduleKind.MorningDispatch];

    /// <param name="asOfUtc">The moment of the fire.</param>
    /// <param name="lookBack">How far back to look for slots not yet handled: the grace on a tick, a day on start.</param>
    public async Task<ScheduleRunResult> RunAsync(DateTime asOfUtc, TimeSpan lookBack, CancellationToken cancellationToken)
    {
        var pending = await runner.PendingAsync(Kinds, asOfUtc, lookBack, cancellationToken);
        if (pending.Total == 0)
        {
            return ScheduleRunResult.None;
        }

        var (late, due) = (pending.Late, pending.Due);
        var skips = new List<Action>();
        foreach (var group in late.GroupBy(s => (s.Kind, s.Key)))
        {
            LogSkipped(logger, group.Key.Kind, group.Key.Key, group.Count(), options.Value.MissedFireGrace);
            skips.AddRange(group.Select(slot => (Action)(() => db.ScheduleNotices.Add(ScheduleSlotRunner.Notice(slot, asOfUtc, skipped: true)))));
        }

        var units = new List<Action>();

        if (due.Count > 0)
        {
            var agendas = await AgendasAsync(due, cancellationToken);
            var chats = await db.Chats.AsNoTracking()
                .Where(c => due.Select(s => s.Target.GridId).Contains(c.GridId))
                .Select(c => new { c.GridId, c.Channel, c.ChatId })
                .ToListAsync(cancellationToken);
            var chatsByGrid = chats.ToLookup(c => c.GridId);
            foreach (var (slot, text) in agendas)
            {
                units.Add(() =>
                {
                    db.ScheduleNotices.Add(ScheduleSlotRunner.Notice(slot, asOfUtc, skipped: false));
                    foreach (var chat in chatsByGrid[slot.Target.GridId])
                    {
                        messenger.Enqueue(chat.Channel, chat.ChatId, null, text);
                    }
                });
            }
        }

        var skipped = await ledger.CommitAsync(skips, cancellationToken);
        var sent = await ledger.CommitAsync(units, cancellationToken);
        var result = new ScheduleRunResult(sent, skipped, pending.Total - sent - skipped);
        if (result.Sent > 0)
        {
            telemetry.RemindersFired.Add(result.Sent, new KeyValuePair<string, object?>("kind", "DailyHuddle"));
            LogSent(logger, result.Sent, result.AlreadySent);
        }

        return result;
    }

    /// <summary>
    /// One query for every due grid: open tickets plus those created since the earliest "last huddle", matched to
    /// the due grids by path prefix (a grid's agenda covers its micro-grids).
    /// </summary>
    public async Task<List<(ScheduleSlot Slot, string Text)>> AgendasAsync(IReadOnlyList<ScheduleSlot> due, CancellationToken cancellationToken)
    {
        var since = due.ToDictionary(s => s, s => planner.PreviousWorkingDayAt(s.LocalTime));
        var earliest = since.Values.Min();
        var gridIds = await SubtreeGridIdsAsync(due, cancellationToken);
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => gridIds.Contains(t.GridId))
            .Where(t => (t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Rated && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Withdrawn)
                || t.CreatedUtc > earliest)
            // The huddle is about work on the clock; questions and suggestions are answered from the console or by 答复.
            .Where(t => t.DeadlineUtc != null)
            .Select(t => new AgendaTicket(t.Number, t.Category, t.Place, t.Status, t.Tier, t.OwnerName, t.CreatedUtc, t.DeadlineUtc!.Value, t.Grid!.Path))
            .ToListAsync(cancellationToken);

        var byPath = due.GroupBy(s => s.Target.Path).ToDictionary(g => g.Key, g => new List<AgendaTicket>());
        foreach (var ticket in tickets)
        {
            foreach (var path in Ancestors(ticket.GridPath))
            {
                if (byPath.TryGetValue(path, out var list))
                {
                    list.Add(ticket with { CreatedUtc = DateTime.SpecifyKind(ticket.CreatedUtc, DateTimeKind.Utc), DeadlineUtc = DateTime.SpecifyKind(ticket.DeadlineUtc, DateTimeKind.Utc) });
                }
            }
        }

        return [.. due.Select(slot => (slot, HuddleAgenda.Build(slot, byPath[slot.Target.Path], since[slot], clock, options.Value.MaxMessageBytes)))];
    }

    private async Task<List<int>> SubtreeGridIdsAsync(IReadOnlyList<ScheduleSlot> due, CancellationToken cancellationToken)
    {
        var paths = due.Select(s => s.Target.Path).ToHashSet(StringComparer.Ordinal);
        var grids = await db.Grids.AsNoTracking().Select(g => new { g.Id, g.Path }).ToListAsync(cancellationToken);
        return [.. grids.Where(g => Ancestors(g.Path).Any(paths.Contains)).Select(g => g.Id)];
    }

    /// <summary>"/D/S/C/G/" and every prefix of it that is itself a grid path ("/D/", "/D/S/", ...).</summary>
    private static IEnumerable<string> Ancestors(string path)
    {
        for (var end = path.IndexOf('/', 1); end > 0; end = path.IndexOf('/', end + 1))
        {
            yield return path[..(end + 1)];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} {Kind} fires of {Slot}: the host was down past the missed-fire grace of {Grace}")]
    private static partial void LogSkipped(ILogger logger, ScheduleKind kind, string slot, int count, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Sent} huddle agendas ({AlreadySent} were already sent)")]
    private static partial void LogSent(ILogger logger, int sent, int alreadySent);
}
