using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Reminders;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Tickets.FollowUps;
using GridBot.Dialogs.Time;
using GridBot.Host.Channels.WebChat;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Demo;

/// <summary>
/// A story's ticket, step by step, through what the bot's own commands call: <see cref="TicketService"/> opens it
/// (number, deadline on the working calendar) and the entity's lifecycle methods move it, each step at its moment on
/// the history clock, in the ticket steps' unit of work (<see cref="DemoTicketBatch"/>, a turn's transaction). A step the
/// lifecycle no longer allows (the deadline chaser escalated the ticket meanwhile) is not taken.
/// </summary>
internal sealed class DemoTicketSteps(DemoTicketBatch batch, ShanghaiTime clock, ChinaWorkingCalendar calendar, DemoTimeline timeline, IOptions<FollowUpOptions> followUps)
{
    public void Plan(DemoStory story) => timeline.TicketStepAt(story.OpenedUtc, ct => OpenAsync(story, ct));

    /// <summary>Commits what the ticket steps since the last other step did.</summary>
    public Task SettleAsync(CancellationToken cancellationToken) => batch.CommitAsync(cancellationToken);

    private async Task OpenAsync(DemoStory story, CancellationToken cancellationToken)
    {
        await batch.OpenAsync(cancellationToken);
        var tickets = batch.Tickets;
        var report = story.Report;
        var grid = await batch.Db.Grids.SingleAsync(g => g.Id == story.GridId, cancellationToken);
        var draft = new TicketDraft(report.Text, report.Category, report.Urgency, report.Place, []) { AppealType = report.Type };
        var reporter = tickets.NewReporter(WebChatSender.ChannelName, story.Reporter.UserId, story.Reporter.Name, null, report.Text);
        var ticket = tickets.Open(new TicketOpening(draft, grid, WebChatSender.ChannelName, story.Cast.ChatId, null, reporter, Resident(story)));
        batch.Hold(story, ticket);

        var random = story.Random;
        var now = clock.NowUtc;
        switch (story.Outcome)
        {
            case DemoOutcome.Answered:
                Then(story, TicketAction.Answer, Staff(now.AddMinutes(random.Next(60, 360)), random), (t, _) =>
                    t.Answer(random.Next(2) == 0 ? Leader(story) : Worker(story), DemoStaffWords.AnswerTo(t.AppealType, random), clock.NowUtc));
                return;
            case DemoOutcome.Withdrawn:
                Then(story, TicketAction.Withdraw, ResidentTime(now.AddMinutes(random.Next(60, 240)), random), (t, _) => t.Withdraw(Resident(story), DemoStaffWords.WithdrawReason, clock.NowUtc));
                return;
        }

        var urgent = ticket.Urgency == TicketUrgency.Urgent;
        var assignAt = urgent ? now.AddMinutes(random.Next(4, 12)) : Staff(now.AddMinutes(random.Next(20, 150)), random);
        // A worker often takes it himself ("这个我来处理"); otherwise the leader dispatches (派单).
        Then(story, TicketAction.Assign, assignAt, (t, _) => t.Assign(random.Next(3) == 0 ? Worker(story) : Leader(story), story.Cast.Worker.UserId, story.Cast.Worker.Name, clock.NowUtc),
            () => timeline.TicketStepAt(clock.NowUtc.AddMinutes(urgent ? 3 : random.Next(10, 90)), ct => StartedAsync(story, ticket.DeadlineUtc!.Value, ct)));
    }

    private async Task StartedAsync(DemoStory story, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        var random = story.Random;
        if (!await StepAsync(story, TicketAction.Start, (t, _) => t.Start(Worker(story), clock.NowUtc), cancellationToken))
        {
            return;
        }

        var now = clock.NowUtc;
        switch (story.Outcome)
        {
            case DemoOutcome.Late:
                Urge(story, ResidentTime(deadlineUtc.AddHours(random.Next(2, 8)), random));
                Resolve(story, Staff(deadlineUtc.AddHours(random.Next(36, 72)), random));
                break;
            case DemoOutcome.Escalated:
                Then(story, TicketAction.Escalate, Staff(now.AddHours(random.Next(1, 4)), random), (t, tickets) =>
                    t.Escalate(Leader(story), DemoStaffWords.EscalationReasons[random.Next(DemoStaffWords.EscalationReasons.Length)], tickets.EscalationDeadline(t.Tier + 1, clock.NowUtc), clock.NowUtc),
                    () => Then(story, TicketAction.Assign, Staff(clock.NowUtc.AddHours(random.Next(1, 3)), random),
                        (t, _) => t.Assign(Community(story), story.Cast.Worker.UserId, story.Cast.Worker.Name, clock.NowUtc),
                        () => Resolve(story, Staff(clock.NowUtc.AddHours(random.Next(20, 40)), random))));
                break;
            case DemoOutcome.Stuck:
                foreach (var hours in (int[])[48, 84, 150, 220])
                {
                    Urge(story, ResidentTime(story.OpenedUtc.AddHours(hours + random.Next(0, 6)), random));
                }

                break;
            default:
                var urgent = story.Report.Urgency == TicketUrgency.Urgent;
                var share = 0.3 + (random.NextDouble() * 0.45);
                var at = urgent ? now.AddMinutes(random.Next(25, 80)) : Staff(now + ((deadlineUtc - now) * share), random);
                Resolve(story, at);
                break;
        }
    }

    private void Resolve(DemoStory story, DateTime at)
    {
        var random = story.Random;
        Then(story, TicketAction.Resolve, at, (t, _) =>
        {
            var notes = DemoStaffWords.Resolutions.GetValueOrDefault(t.Category) ?? DemoStaffWords.Resolutions["社情民意"];
            // Above the grid the community's staff close it; in the grid its owner does.
            t.Resolve(t.Tier == TicketTier.Grid ? Worker(story) : Community(story), notes[random.Next(notes.Length)], clock.NowUtc);
        }, () => Then(story, TicketAction.Rate, ResidentTime(clock.NowUtc.AddHours(random.Next(1, 18)), random), Rate, RatedNext));

        void Rate(Ticket t, TicketService tickets)
        {
            if (Unsatisfied(story, t))
            {
                t.Reopen(Resident(story), DemoStaffWords.UnsatisfiedReasons[random.Next(DemoStaffWords.UnsatisfiedReasons.Length)], tickets.ReopenDeadline(t, clock.NowUtc), clock.NowUtc);
                return;
            }

            t.Rate(Resident(story), story.Outcome == DemoOutcome.BasicallySatisfied || random.Next(4) == 0 ? TicketRating.BasicallySatisfied : TicketRating.Satisfied, clock.NowUtc);
        }

        void RatedNext()
        {
            if (story.Outcome is DemoOutcome.Redone or DemoOutcome.RedoOpen && !story.Redone)
            {
                story.Redone = true;
                Then(story, TicketAction.Start, Staff(clock.NowUtc.AddHours(random.Next(1, 4)), random), (t, _) => t.Start(Worker(story), clock.NowUtc),
                    story.Outcome == DemoOutcome.Redone ? () => Resolve(story, Staff(clock.NowUtc.AddHours(random.Next(12, 36)), random)) : null);
            }
        }
    }

    /// <summary>The first rating of a story meant to be redone is 不满意 (重办); its second one is not.</summary>
    private static bool Unsatisfied(DemoStory story, Ticket ticket) =>
        story.Outcome is DemoOutcome.Redone or DemoOutcome.RedoOpen && !story.Redone && ticket.Allows(TicketAction.Reopen);

    private void Urge(DemoStory story, DateTime at)
    {
        var random = story.Random;
        Then(story, TicketAction.Urge, at, (t, _) =>
        {
            t.Urge(Resident(story), DemoStaffWords.Urges[random.Next(DemoStaffWords.Urges.Length)], clock.NowUtc);
            if (t.UrgeCount >= followUps.Value.UrgesToRaise)
            {
                t.RaiseToLeader(DeadlineChaser.Bot, clock.NowUtc);
            }
        });
    }

    private void Then(DemoStory story, TicketAction action, DateTime at, Action<Ticket, TicketService> act, Action? next = null) =>
        timeline.TicketStepAt(at, async ct =>
        {
            if (await StepAsync(story, action, act, ct))
            {
                next?.Invoke();
            }
        });

    /// <returns>False when the lifecycle does not allow the step any more (nothing is written).</returns>
    private async Task<bool> StepAsync(DemoStory story, TicketAction action, Action<Ticket, TicketService> act, CancellationToken cancellationToken)
    {
        await batch.OpenAsync(cancellationToken);
        var ticket = await batch.TicketOfAsync(story, cancellationToken);
        // The chaser may have escalated the ticket meanwhile (no Start from 已升级), or a closure made a step moot:
        // the same question the commands ask first.
        if (!ticket.Allows(action))
        {
            return false;
        }

        act(ticket, batch.Tickets);
        return true;
    }

    /// <summary>Staff answer in working time: a step that falls in the evening, a weekend or a holiday waits for the next working morning.</summary>
    private DateTime Staff(DateTime utc, Random random)
    {
        var local = calendar.ToLocalTime(utc);
        var day = DateOnly.FromDateTime(local);
        if (calendar.IsWorkingDay(day) && local.TimeOfDay >= new TimeSpan(8, 30, 0) && local.TimeOfDay < new TimeSpan(18, 0, 0))
        {
            return utc;
        }

        var next = local.TimeOfDay < new TimeSpan(8, 30, 0) && calendar.IsWorkingDay(day) ? day : calendar.NextWorkingDay(day.AddDays(1));
        return ToUtc(next, new TimeOnly(8, 30).AddMinutes(random.Next(0, 120)));
    }

    /// <summary>Residents write from seven in the morning to ten at night, any day.</summary>
    private DateTime ResidentTime(DateTime utc, Random random)
    {
        var local = calendar.ToLocalTime(utc);
        var day = DateOnly.FromDateTime(local);
        return local.Hour switch
        {
            >= 22 => ToUtc(day.AddDays(1), new TimeOnly(7, 30).AddMinutes(random.Next(0, 180))),
            < 7 => ToUtc(day, new TimeOnly(7, 30).AddMinutes(random.Next(0, 120))),
            _ => utc,
        };
    }

    private DateTime ToUtc(DateOnly day, TimeOnly time) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), calendar.TimeZone);

    private static TicketActor Resident(DemoStory story) => new(story.Reporter.UserId, story.Reporter.Name);

    private static TicketActor Leader(DemoStory story) => new(story.Cast.Leader.UserId, story.Cast.Leader.Name);

    private static TicketActor Worker(DemoStory story) => new(story.Cast.Worker.UserId, story.Cast.Worker.Name);

    private static TicketActor Community(DemoStory story) => new(story.Cast.CommunityStaff.UserId, story.Cast.CommunityStaff.Name);
}
