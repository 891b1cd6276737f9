using GridBot.Dialogs.Core;
using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Telemetry;
using GridBot.Dialogs.Tickets.FollowUps;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Turns a finished draft into a ticket and tells the reporter; urgent ones @-mention the grid leader at once.
/// A report of a problem already open in the grid joins that ticket as another reporter instead.
/// </summary>
/// <remarks>
/// An urgent report in a group also pushes an alert that @-mentions the leaders through the outbox: a channel's
/// in-turn answer may not be able to ping anyone (a WeCom AI bot's stream reply cannot), a robot's mentioned_list can.
/// Reported in a private chat, each leader gets the alert in their own private chat.
/// </remarks>
/// <remarks>
/// An emergency said again — by its reporter in other words ("快来人啊 电梯还卡着"), or by a neighbour at the same spot —
/// is no second ticket and no second alarm: it presses the open urgent ticket as a 催 (the neighbour joins it as a reporter).
/// </remarks>
public sealed class TicketIntake(
    TicketService tickets,
    DuplicateFinder duplicates,
    GridLeaders gridLeaders,
    FollowUpActions followUps,
    ShanghaiTime clock,
    ProactiveMessenger messenger,
    GridBotTelemetry telemetry)
{
    /// <summary>When the draft says again an emergency still open, presses that ticket instead of filing; true when it did.</summary>
    public async Task<bool> PressOpenEmergencyAsync(TurnContext context, TicketDraft draft, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        if (await duplicates.FindEmergencyAsync(identity, draft, clock.NowUtc, cancellationToken) is not { } open)
        {
            return false;
        }

        var opening = tickets.OpeningFrom(context, draft);
        if (!open.Reporters.Any(r => r.Channel == identity.Channel && r.UserId == identity.UserId))
        {
            telemetry.TicketsMerged.Add(1);
            open.AddReporter(opening.Reporter, opening.Actor, clock.NowUtc);
        }

        foreach (var url in draft.PhotoUrls)
        {
            open.AddAttachment(new TicketAttachment { Url = url, ContentType = "image", AddedUtc = clock.NowUtc }, opening.Actor, clock.NowUtc);
        }

        await followUps.UrgeAsync(context, open, draft.Description, cancellationToken);
        return true;
    }

    public async Task<Ticket> OpenAsync(TurnContext context, TicketDraft draft, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        if (draft.Urgency != TicketUrgency.Urgent
            && await duplicates.FindAsync(identity.Grid.Id, draft, clock.NowUtc, cancellationToken) is { } existing)
        {
            Merge(context, existing, draft);
            return existing;
        }

        // An urgent report's leaders are read before the ticket takes its number (and with it the write lock).
        var leaders = draft.Urgency == TicketUrgency.Urgent ? await gridLeaders.OfAsync(identity.Channel, identity.Grid, cancellationToken) : [];
        var ticket = tickets.Open(tickets.OpeningFrom(context, draft));
        telemetry.TicketsCreated.Add(1, new KeyValuePair<string, object?>("urgency", ticket.Urgency.ToString()));
        var deadline = clock.Format(ticket.DeadlineUtc);
        var reporter = Entity.MentionOf(identity.UserId, identity.Name);
        if (ticket.Urgency != TicketUrgency.Urgent)
        {
            context.Reply(TicketTexts.Created(ticket, identity.Name, deadline), reporter);
            return ticket;
        }

        context.Reply(
            TicketTexts.CreatedUrgent(ticket, identity.Name, deadline, leaders.Select(l => l.Name).ToList()),
            [reporter, .. leaders.Select(l => Entity.MentionOf(l.UserId, l.Name))]);
        if (leaders.Count > 0 && context.Activity.Conversation is { IsGroup: true, Id: { } group })
        {
            messenger.Enqueue(identity.Channel, group, context.Activity.ServiceUrl, TicketTexts.UrgentAlert(ticket, deadline), [.. leaders.Select(l => l.UserId)]);
        }
        else
        {
            // Reported in a private chat, the mention in the reply reaches nobody but the resident: each leader is told in theirs.
            foreach (var leader in leaders.Where(l => l.UserId != identity.UserId))
            {
                messenger.Enqueue(identity.Channel, leader.UserId, context.Activity.ServiceUrl, TicketTexts.UrgentAlert(ticket, deadline));
            }
        }

        return ticket;
    }

    private void Merge(TurnContext context, Ticket ticket, TicketDraft draft)
    {
        var identity = context.Identity;
        var reporter = Entity.MentionOf(identity.UserId, identity.Name);
        if (ticket.Reporters.Any(r => r.Channel == identity.Channel && r.UserId == identity.UserId))
        {
            context.Reply(TicketTexts.AlreadyReported(ticket, identity.Name, clock.Format(ticket.DeadlineUtc)), reporter);
            return;
        }

        var opening = tickets.OpeningFrom(context, draft);
        telemetry.TicketsMerged.Add(1);
        ticket.AddReporter(opening.Reporter, opening.Actor, clock.NowUtc);
        foreach (var url in draft.PhotoUrls)
        {
            ticket.AddAttachment(new TicketAttachment { Url = url, ContentType = "image", AddedUtc = clock.NowUtc }, opening.Actor, clock.NowUtc);
        }

        context.Reply(TicketTexts.Merged(ticket, identity.Name, clock.Format(ticket.DeadlineUtc)), reporter);
    }
}
