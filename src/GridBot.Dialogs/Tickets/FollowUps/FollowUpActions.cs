using GridBot.Dialogs.Core;
using GridBot.Dialogs.Identity;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Reminders;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>
/// Carries out a follow-up on one ticket of the speaker's: tells the progress, records an urge (and tells the owner,
/// or the grid leaders when nobody owns it, privately through the outbox), asks before a withdrawal, applies a
/// correction. Everything is staged in the turn's unit of work; the turn's commit saves the ticket, its history line and
/// the outbox rows together.
/// </summary>
public sealed class FollowUpActions(
    GridBotDbContext db,
    GridLeaders gridLeaders,
    ProactiveMessenger messenger,
    ShanghaiTime clock,
    IOptions<FollowUpOptions> options)
{
    private const int MaxPlace = 128;
    private const int MaxDescription = 2000;

    public async Task CarryOutAsync(TurnContext context, FollowUpKind kind, Ticket ticket, string said, CorrectionText? correction, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case FollowUpKind.Urge:
                await UrgeAsync(context, ticket, said, cancellationToken);
                break;
            case FollowUpKind.Withdraw:
                await AskWithdrawAsync(context, ticket, said, cancellationToken);
                break;
            case FollowUpKind.Correct when correction is not null:
                Correct(context, ticket, correction);
                break;
            default:
                Reply(context, FollowUpTexts.Progress(context.Identity.Name, ticket, clock));
                break;
        }
    }

    public async Task UrgeAsync(TurnContext context, Ticket ticket, string said, CancellationToken cancellationToken)
    {
        var name = context.Identity.Name;
        if (!ticket.Allows(TicketAction.Urge))
        {
            Reply(context, FollowUpTexts.Progress(name, ticket, clock));
            return;
        }

        var now = clock.NowUtc;
        var since = now - options.Value.UrgeRepeatWithin;
        var userId = context.Identity.UserId;
        var urgent = ticket.Urgency == TicketUrgency.Urgent;
        if (await db.TicketEvents.AnyAsync(e => e.TicketId == ticket.Id && e.Action == TicketAction.Urge && e.ActorUserId == userId && e.AtUtc >= since, cancellationToken))
        {
            Reply(context, urgent ? FollowUpTexts.PressedJustNow(name, ticket) : FollowUpTexts.UrgedJustNow(name, ticket, clock));
            return;
        }

        ticket.Urge(Actor(context), TicketTexts.Excerpt(said, 100), now);
        // An emergency said again is pressed as a 催 to whoever has it, never a second alarm in the group.
        var notice = urgent ? FollowUpTexts.PressNotice(ticket, name, said) : FollowUpTexts.UrgeNotice(ticket, name, said, clock);
        var raised = ticket.UrgeCount >= options.Value.UrgesToRaise && ticket.RaiseToLeader(DeadlineChaser.Bot, now);
        string told;
        if (ticket.OwnerUserId is { } owner)
        {
            TellPrivately(ticket, owner, notice);
            told = urgent ? FollowUpTexts.PressedOwner(ticket.OwnerName ?? "") : FollowUpTexts.ToldOwner(ticket.OwnerName ?? "");
            if (raised)
            {
                await TellLeadersAsync(ticket, FollowUpTexts.RaisedNotice(ticket, clock), cancellationToken);
            }
        }
        else
        {
            // Nobody owns it yet: the leader who dispatches hears the urge itself (with the count when it is raised).
            var leaders = await TellLeadersAsync(ticket, raised ? notice + "\n" + FollowUpTexts.RaisedNotice(ticket, clock) : notice, cancellationToken);
            told = urgent ? FollowUpTexts.PressedLeaders(leaders) : FollowUpTexts.ToldLeaders(leaders);
        }

        Reply(context, urgent ? FollowUpTexts.Pressed(name, ticket, told) : FollowUpTexts.Urged(name, ticket, told, raised, clock));
    }

    public async Task AskWithdrawAsync(TurnContext context, Ticket ticket, string said, CancellationToken cancellationToken)
    {
        var name = context.Identity.Name;
        if (!ticket.Allows(TicketAction.Withdraw))
        {
            Reply(context, FollowUpTexts.WithdrawNotPossible(name, ticket));
            return;
        }

        if (ticket.Reporters.Count > 1)
        {
            // Others still wait for it: nothing changes, but whoever works on it hears that it may be solved.
            await TellOwnerOrLeadersAsync(ticket, FollowUpTexts.SolvedNotice(ticket, name, said), cancellationToken);
            Reply(context, FollowUpTexts.SharedWithOthers(name, ticket));
            return;
        }

        Ask(context, new WithdrawConfirmFrame(ticket.Number, TicketTexts.Shorten(said, 100)));
        Reply(context, FollowUpTexts.AskWithdraw(name, ticket));
    }

    public async Task WithdrawAsync(TurnContext context, Ticket ticket, string said, CancellationToken cancellationToken)
    {
        var name = context.Identity.Name;
        if (!ticket.Allows(TicketAction.Withdraw))
        {
            Reply(context, FollowUpTexts.WithdrawNotPossible(name, ticket));
            return;
        }

        ticket.Withdraw(Actor(context), TicketTexts.Excerpt(said, 100), clock.NowUtc);
        await TellOwnerOrLeadersAsync(ticket, FollowUpTexts.WithdrawnNotice(ticket, name, said), cancellationToken);
        Reply(context, FollowUpTexts.Withdrawn(name, ticket));
    }

    /// <summary>Only on a ticket the speaker filed themselves: a neighbour's that they joined is staff's to correct.</summary>
    public void Correct(TurnContext context, Ticket ticket, CorrectionText correction)
    {
        var name = context.Identity.Name;
        if (!FiledBy(ticket, context.Identity))
        {
            Reply(context, FollowUpTexts.NotYours(name, ticket));
            return;
        }

        var (wrong, right) = (correction.Wrong, correction.Right);
        if (wrong is not null && ticket.Place?.Contains(wrong, StringComparison.Ordinal) == true)
        {
            CorrectPlace(context, ticket, ticket.Place.Replace(wrong, right, StringComparison.Ordinal));
        }
        else if (wrong is not null && ticket.Description.Contains(wrong, StringComparison.Ordinal))
        {
            CorrectDescription(context, ticket, ticket.Description.Replace(wrong, right, StringComparison.Ordinal));
        }
        else if (PlaceCorrection.ReadsAsPlace(right))
        {
            CorrectPlace(context, ticket, PlaceCorrection.Apply(ticket.Place, right));
        }
        else
        {
            Ask(context, new CorrectionFieldFrame(ticket.Number, right));
            Reply(context, FollowUpTexts.AskField(name, ticket, right));
        }
    }

    public void CorrectPlace(TurnContext context, Ticket ticket, string place)
    {
        // A place is shown to everyone (group replies, the API, Open311's address): masked before it is stored.
        var masked = PersonalDataMask.Text(place).Trim();
        masked = masked.Length > MaxPlace ? masked[..MaxPlace] : masked;
        var before = ticket.Place ?? "未说明";
        ticket.CorrectPlace(Actor(context), masked, PlaceCorrection.DetailOf(masked), clock.NowUtc);
        TellOwner(ticket, FollowUpTexts.CorrectedNotice(ticket, context.Identity.Name, "位置", before, masked));
        Reply(context, FollowUpTexts.Corrected(context.Identity.Name, ticket, "位置", before, masked));
    }

    public void CorrectDescription(TurnContext context, Ticket ticket, string description)
    {
        var text = description.Trim();
        text = text.Length > MaxDescription ? text[..MaxDescription] : text;
        var before = ticket.Description;
        ticket.CorrectDescription(Actor(context), text, clock.NowUtc);
        TellOwner(ticket, FollowUpTexts.CorrectedNotice(ticket, context.Identity.Name, "问题描述", before, text));
        Reply(context, FollowUpTexts.Corrected(context.Identity.Name, ticket, "问题描述", before, text));
    }

    /// <summary>Puts a question frame on top of the speaker's stack (replacing one of ours that is answered now).</summary>
    public void Ask(TurnContext context, Dialogs.DialogFrame frame)
    {
        var stamped = frame with { StartedUtc = clock.NowUtc };
        if (context.Dialogs.Active is PickTicketFrame or UrgeConfirmFrame or WithdrawConfirmFrame or CorrectionFieldFrame)
        {
            context.Dialogs.ReplaceActive(stamped);
        }
        else
        {
            context.Dialogs.Push(stamped);
        }
    }

    public static void Reply(TurnContext context, string text) =>
        context.Reply(text, Entity.MentionOf(context.Identity.UserId, context.Identity.Name));

    private static bool FiledBy(Ticket ticket, TurnIdentity identity) =>
        ticket.Reporters.OrderBy(r => r.AddedUtc).ThenBy(r => r.Id).FirstOrDefault() is { } first
        && first.Channel == identity.Channel && first.UserId == identity.UserId;

    private static TicketActor Actor(TurnContext context) => new(context.Identity.UserId, context.Identity.Name);

    /// <summary>A private message: on WeCom (and the chat page) a person's one-to-one conversation is their user id.</summary>
    private void TellPrivately(Ticket ticket, string userId, string text) => messenger.Enqueue(ticket.Channel, userId, null, text);

    /// <summary>Someone already on the way should go to the corrected place; unassigned work is read from the ticket anyway.</summary>
    private void TellOwner(Ticket ticket, string text)
    {
        if (ticket.OwnerUserId is { } owner)
        {
            TellPrivately(ticket, owner, text);
        }
    }

    private async Task TellOwnerOrLeadersAsync(Ticket ticket, string text, CancellationToken cancellationToken)
    {
        if (ticket.OwnerUserId is { } owner)
        {
            TellPrivately(ticket, owner, text);
            return;
        }

        await TellLeadersAsync(ticket, text, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> TellLeadersAsync(Ticket ticket, string text, CancellationToken cancellationToken)
    {
        var leaders = await gridLeaders.OfAsync(ticket.Channel, ticket.Grid!, cancellationToken);
        foreach (var leader in leaders)
        {
            TellPrivately(ticket, leader.UserId, text);
        }

        return leaders.Select(l => l.Name).ToList();
    }
}
