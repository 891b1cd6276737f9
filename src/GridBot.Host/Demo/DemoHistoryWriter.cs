using System.Diagnostics;
using GridBot.Dialogs.Announcements;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Reminders;
using GridBot.Dialogs.Tickets.FollowUps;
using GridBot.Dialogs.Time;
using GridBot.Host.Channels.WebChat;
using GridBot.Host.Configuration;
using GridBot.Store;
using GridBot.Store.Outbox;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Demo;

/// <summary>What the history wrote, for the log line.</summary>
internal sealed record DemoHistorySummary(int Tickets, int Steps, int OutboxRows, TimeSpan Elapsed);

/// <summary>
/// Writes a month of the demo grids' life, ending now, through the services the bot itself runs: reports opened by
/// <see cref="TicketService"/> and moved by the ticket's lifecycle methods (<see cref="DemoTicketSteps"/>), the deadline
/// chaser's reminders, chases and automatic escalations, every 日碰头 and 周联席会议 agenda with a 派工单 at each meeting,
/// and two announcements published by <see cref="AnnouncementPublisher"/> with part of their 回执. Each service is built
/// on a <see cref="HistoryClock"/> moved to the step's moment, so times, ticket numbers, deadlines and texts are the
/// ones the bot would have written then.
/// </summary>
/// <remarks>
/// The schedules run in the history even with <c>Schedules:Enabled=false</c>: that switch is about sending from now on.
/// Every outbox row the history wrote is marked delivered at the time it was written: the demo channel's delivery is
/// that mark (<see cref="WebChatSender"/>), the dispatcher never sees the rows, and the chat page, which shows only rows
/// after the newest one when it opens, starts every group's conversation empty.
/// </remarks>
internal sealed partial class DemoHistoryWriter(
    IServiceScopeFactory scopes,
    ChinaWorkingCalendar calendar,
    TimeProvider time,
    IOptionsFactory<ScheduleOptions> scheduleOptions,
    IOptions<DemoOptions> options,
    IOptions<FollowUpOptions> followUps,
    ILogger<DemoHistoryWriter> logger)
{
    private static readonly TimeOnly[] WorkingDayTicks = [new(9, 5), new(11, 5), new(14, 35), new(16, 35), new(17, 45)];
    private static readonly TimeOnly[] OffDayTicks = [new(12, 5)];

    public async Task<DemoHistorySummary> WriteAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var endUtc = time.GetUtcNow().UtcDateTime;
        var days = options.Value.HistoryDays;
        var firstDay = DateOnly.FromDateTime(calendar.ToLocalTime(endUtc)).AddDays(-days);
        var clock = new HistoryClock(ToUtc(firstDay, TimeOnly.MinValue));
        var shanghai = new ShanghaiTime(calendar, clock);
        var timeline = new DemoTimeline(clock, endUtc);
        var schedules = Options.Create(HistorySchedules());

        IReadOnlyList<DemoGridCast> cast;
        long outboxBefore;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            cast = await DemoCast.LoadAsync(db, WebChatSender.ChannelName, cancellationToken);
            outboxBefore = await db.Outbox.MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0;
        }

        if (cast.Count == 0)
        {
            return new DemoHistorySummary(0, 0, 0, watch.Elapsed);
        }

        var stories = DemoScript.Stories(cast, firstDay, days + 1, calendar);
        await using var batch = new DemoTicketBatch(scopes, shanghai);
        var steps = new DemoTicketSteps(batch, shanghai, calendar, timeline, followUps);
        foreach (var story in stories)
        {
            steps.Plan(story);
        }

        // The chaser ticks every few minutes in the host; a few ticks a day put its steps at believable times (deadlines
        // fall in working hours, and urgent work is done long before its two hours) at a fraction of the cost.
        for (var day = firstDay; day <= firstDay.AddDays(days); day = day.AddDays(1))
        {
            foreach (var at in calendar.IsWorkingDay(day) ? WorkingDayTicks : OffDayTicks)
            {
                timeline.At(ToUtc(day, at), ct => ChaseAsync(shanghai, clock, schedules, ct));
            }
        }

        await PlanSchedulesAsync(timeline, shanghai, clock, schedules, cast, cancellationToken);
        await PlanAnnouncementsAsync(timeline, shanghai, clock, cast, firstDay, days, cancellationToken);
        var ran = await timeline.RunAsync(steps.SettleAsync, cancellationToken);
        // Whatever came due since the last tick is done now, so the host's own chaser starts with nothing left over
        // from the history to post into the groups.
        clock.MoveTo(endUtc);
        await ChaseAsync(shanghai, clock, schedules, cancellationToken);

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            // Not OutboxMoves.MarkSentAsync: each row is sent at the moment it was written, not now.
            var delivered = await db.Outbox.Where(o => o.Id > outboxBefore && o.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.SentUtc, o => o.CreatedUtc).SetProperty(o => o.Attempts, 1), cancellationToken);
            var summary = new DemoHistorySummary(stories.Count, ran, delivered, watch.Elapsed);
            LogWritten(logger, summary.Tickets, summary.Steps, summary.OutboxRows, (long)summary.Elapsed.TotalMilliseconds);
            return summary;
        }
    }

    private async Task ChaseAsync(ShanghaiTime shanghai, HistoryClock clock, IOptions<ScheduleOptions> schedules, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var tickets = ActivatorUtilities.CreateInstance<Dialogs.Tickets.TicketService>(services, shanghai);
        var messenger = ActivatorUtilities.CreateInstance<ProactiveMessenger>(services, (TimeProvider)clock);
        var chaser = ActivatorUtilities.CreateInstance<DeadlineChaser>(services, shanghai, tickets, messenger, schedules);
        await chaser.RunAsync(clock.NowUtc, cancellationToken);
    }

    /// <summary>Every huddle and meeting agenda of the month at its slot, and a 派工单 at each meeting.</summary>
    private async Task PlanSchedulesAsync(DemoTimeline timeline, ShanghaiTime shanghai, HistoryClock clock, IOptions<ScheduleOptions> schedules, IReadOnlyList<DemoGridCast> cast, CancellationToken cancellationToken)
    {
        IReadOnlyList<ScheduleSlot> slots;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var planner = ActivatorUtilities.CreateInstance<SchedulePlanner>(scope.ServiceProvider, schedules);
            slots = await planner.SlotsAsync([ScheduleKind.DailyHuddle, ScheduleKind.WeeklyMeeting], clock.NowUtc, timeline.EndUtc, null, cancellationToken);
            foreach (var meeting in slots.Where(s => s.Kind == ScheduleKind.WeeklyMeeting))
            {
                if (planner.MeetingAfter(DateOnly.FromDateTime(meeting.LocalTime), null) is { } day)
                {
                    var target = meeting.Target;
                    timeline.At(ToUtc(day, schedules.Value.WeeklyMeetingTime.AddMinutes(40)), ct => IssueOrderAsync(target.GridId, target.Path, cast, clock, ct));
                }
            }
        }

        foreach (var fire in slots.GroupBy(s => (s.Kind, s.FireUtc)))
        {
            var kind = fire.Key.Kind;
            timeline.At(fire.Key.FireUtc.AddMinutes(1), async ct =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var planner = ActivatorUtilities.CreateInstance<SchedulePlanner>(services, schedules);
                var runner = ActivatorUtilities.CreateInstance<ScheduleSlotRunner>(services, planner, schedules);
                var messenger = ActivatorUtilities.CreateInstance<ProactiveMessenger>(services, (TimeProvider)clock);
                var lookBack = TimeSpan.FromMinutes(2);
                if (kind == ScheduleKind.DailyHuddle)
                {
                    await ActivatorUtilities.CreateInstance<DailyHuddleService>(services, runner, planner, messenger, shanghai, schedules).RunAsync(clock.NowUtc, lookBack, ct);
                }
                else
                {
                    await ActivatorUtilities.CreateInstance<WeeklyMeetingService>(services, runner, planner, messenger, shanghai, schedules).RunAsync(clock.NowUtc, lookBack, ct);
                }
            });
        }
    }

    /// <summary>
    /// The meeting hands the community's most pressing escalated ticket to someone with a date, as
    /// <c>派工单 号 @单位 截止 日期</c> does; the next week's agenda reports how it went, read from the ticket.
    /// </summary>
    private async Task IssueOrderAsync(int communityId, string communityPath, IReadOnlyList<DemoGridCast> cast, HistoryClock clock, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var ticket = await db.Tickets.AsNoTracking().InScope(new GridScope(null, communityPath))
            .Where(t => t.DeadlineUtc != null && t.ResolvedUtc == null)
            .Where(t => t.Status != Store.Tickets.TicketStatus.Withdrawn && t.Status != Store.Tickets.TicketStatus.Rejected)
            .OrderByDescending(t => t.Tier).ThenBy(t => t.DeadlineUtc)
            .Select(t => new { t.Id, t.Category })
            .FirstOrDefaultAsync(cancellationToken);
        var staff = cast.FirstOrDefault(c => c.CommunityId == communityId)?.CommunityStaff;
        if (ticket is null || staff is null)
        {
            return;
        }

        var due = DateOnly.FromDateTime(calendar.ToLocalTime(calendar.AddWorkingDays(clock.NowUtc, 3)));
        db.DispatchOrders.Add(new DispatchOrder
        {
            CommunityGridId = communityId,
            TicketId = ticket.Id,
            Assignee = ticket.Category == "矛盾纠纷" ? "人民调解委员会" : "物业公司",
            DueDate = due,
            IssuedUtc = clock.NowUtc,
            IssuedBy = staff.Name,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The street's fire-safety notice and a community's water cut, each asking for 回执, and part of the 回执.</summary>
    private async Task PlanAnnouncementsAsync(DemoTimeline timeline, ShanghaiTime shanghai, HistoryClock clock, IReadOnlyList<DemoGridCast> cast, DateOnly firstDay, int days, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var street = await db.Members.AsNoTracking().Include(m => m.Grid)
            .FirstOrDefaultAsync(m => m.Channel == WebChatSender.ChannelName && m.Role == Store.Grids.MemberRole.StreetStaff, cancellationToken);
        var community = await db.Members.AsNoTracking().Include(m => m.Grid)
            .FirstOrDefaultAsync(m => m.Channel == WebChatSender.ChannelName && m.UserId == cast[0].CommunityStaff.UserId, cancellationToken);
        var cutDay = firstDay.AddDays(days + 2);
        if (street is not null)
        {
            Announce(DemoAnnouncements.FireSafety(street), ToUtc(firstDay.AddDays(Math.Max(0, days - 12)), new TimeOnly(10, 0)), 0.65);
        }

        if (community is not null)
        {
            Announce(DemoAnnouncements.WaterCut(community, cutDay), ToUtc(firstDay.AddDays(Math.Max(0, days - 3)), new TimeOnly(15, 30)), 0.4);
        }

        void Announce(AnnouncementDraft draft, DateTime atUtc, double ackShare) => timeline.At(atUtc, async ct =>
        {
            await using var publishing = scopes.CreateAsyncScope();
            var services = publishing.ServiceProvider;
            var reach = await services.GetRequiredService<AnnouncementReachFinder>().FindAsync(draft.Targets, ct);
            var announcement = await ActivatorUtilities.CreateInstance<AnnouncementPublisher>(services, shanghai).PublishAsync(draft, reach, ct);
            var acks = await DemoAnnouncements.AckersAsync(services.GetRequiredService<GridBotDbContext>(), announcement.Id, ackShare, ct);
            foreach (var ack in acks)
            {
                timeline.At(clock.NowUtc.Add(ack.After), ack.WriteAsync(scopes, clock));
            }
        });
    }

    /// <summary>
    /// The configured schedules (times, days), switched on for the history whatever Schedules:Enabled says. A fresh
    /// copy from the options factory, bound and validated like the host's own (a bad value throws, naming the key), so
    /// switching it on never changes the instance the live jobs read.
    /// </summary>
    private ScheduleOptions HistorySchedules()
    {
        var schedules = scheduleOptions.Create(Options.DefaultName);
        schedules.Enabled = true;
        return schedules;
    }

    private DateTime ToUtc(DateOnly day, TimeOnly at) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(at), calendar.TimeZone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history written: {Tickets} reports, {Steps} steps, {OutboxRows} messages marked delivered in the past, {ElapsedMs} ms")]
    private static partial void LogWritten(ILogger logger, int tickets, int steps, int outboxRows, long elapsedMs);
}
