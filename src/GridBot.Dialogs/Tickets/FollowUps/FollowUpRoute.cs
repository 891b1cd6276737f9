using GridBot.Dialogs.Core;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>
/// Before a message is taken as a new report: is it about a ticket the speaker already reported — a progress question,
/// an urge, a correction or a withdrawal? The speaker's own tickets decide: the one the words name, else their one open
/// ticket; several alike (or several open when the words name nothing) are listed to pick from. When the words are clearly about an own report and none fits, the
/// person is told kindly; otherwise the message goes on as a fresh one (it may be a new problem).
/// </summary>
/// <remarks>
/// A message naming a danger ("又冒烟了 快来人") is only about an urgent ticket of theirs that told of the same danger:
/// any other is a new emergency and goes on to be filed and alarmed. Impatience that names nothing of theirs, shortly
/// after their own emergency ("味道越来越大了 人呢？？"), presses that emergency.
/// </remarks>
public sealed class FollowUpRoute(
    OwnTickets own,
    FollowUpActions actions,
    KeywordTicketUnderstander rules,
    ShanghaiTime clock,
    IOptions<FollowUpOptions> options,
    IOptions<TicketOptions> ticketOptions) : IRouteHandler
{
    public async Task<bool> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = MessageText.Of(context.Activity);
        if (FollowUpRecognizer.Recognize(text) is not { } request)
        {
            return false;
        }

        var identity = context.Identity;
        var mine = await own.RecentAsync(context, cancellationToken);
        if (request.Kind == FollowUpKind.Correct)
        {
            return Correct(context, mine, request);
        }

        var dangers = rules.Dangers(text);
        if (dangers.Count > 0)
        {
            mine = mine.Where(t => t.Urgency == TicketUrgency.Urgent && rules.Dangers(t).Overlaps(dangers)).ToList();
            if (mine.Count == 0)
            {
                return false;
            }
        }

        if (mine.Count == 0)
        {
            // Staff talking about work ("催一下") are not residents asking about their reports.
            if (!request.Explicit || identity.IsStaff)
            {
                return false;
            }

            FollowUpActions.Reply(context, FollowUpTexts.NoTickets(identity.Name));
            return true;
        }

        return await ActAsync(context, mine, request, text, cancellationToken);
    }

    private async Task<bool> ActAsync(TurnContext context, List<Ticket> mine, FollowUpRequest request, string text, CancellationToken cancellationToken)
    {
        var name = context.Identity.Name;
        var progress = request.Kind == FollowUpKind.Progress;
        var said = PlaceParser.Parse(PlaceExtractor.Extract(text));
        var choice = OwnTickets.Choose(mine, request.Topic, said, openOnly: !progress);
        if (request.Kind == FollowUpKind.Urge && choice is not TicketChoice.One && RecentEmergency(mine, request.Topic, said) is { } emergency)
        {
            await actions.UrgeAsync(context, emergency, text, cancellationToken);
            return true;
        }

        switch (choice)
        {
            case TicketChoice.One { Ticket: var ticket }:
                await actions.CarryOutAsync(context, request.Kind, ticket, text, null, cancellationToken);
                return true;
            case TicketChoice.Several { Tickets: var several } when progress:
                FollowUpActions.Reply(context, FollowUpTexts.ProgressOfSeveral(name, several, clock));
                return true;
            case TicketChoice.Several { Tickets: var several }:
                Pick(context, request, several, text, topicMissed: false);
                return true;
        }

        // Nothing of theirs fits the words: a new problem ("怎么还没人来处理井盖" from someone who reported a lamp)
        // unless they said it is about their own report.
        if (!request.Explicit)
        {
            return false;
        }

        var open = mine.Where(t => TicketLifecycle.IsOpen(t.Status)).Take(5).ToList();
        if (progress)
        {
            FollowUpActions.Reply(context, FollowUpTexts.NotFoundAmong(name, request.Topic, mine.Take(3).ToList(), clock));
        }
        else if (open.Count == 0)
        {
            FollowUpActions.Reply(context, FollowUpTexts.NothingOpen(name, request.Kind));
        }
        else if (open.Count > 1)
        {
            Pick(context, request, open, text, topicMissed: true);
        }
        else if (request.Kind == FollowUpKind.Withdraw)
        {
            // Their one open ticket, though the words did not name it: the withdrawal's own "确认撤回…吗？" shows which.
            await actions.AskWithdrawAsync(context, open[0], text, cancellationToken);
        }
        else
        {
            // A list of one to pick from reads oddly; asking whether that one is meant does the same check.
            actions.Ask(context, new UrgeConfirmFrame(open[0].Number, TicketTexts.Shorten(text, 100)));
            FollowUpActions.Reply(context, FollowUpTexts.AskUrge(context.Identity.Name, open[0], request.Topic));
        }

        return true;
    }

    /// <summary>
    /// Their latest open emergency of the last <see cref="TicketOptions.UrgentRepeatMinutes"/>, when the words name no
    /// other building, unit or road and share a character with it (or name nothing): "烟越来越大了" after "楼道里冒烟了".
    /// </summary>
    private Ticket? RecentEmergency(List<Ticket> mine, string topic, PlaceDetail? said)
    {
        var since = clock.NowUtc - ticketOptions.Value.UrgentRepeatWindow;
        return mine
            .Where(t => t.Urgency == TicketUrgency.Urgent && TicketLifecycle.IsOpen(t.Status) && t.CreatedUtc >= since)
            .Where(t => !PlaceMatch.OtherUnit(said, t.PlaceDetail))
            .Where(t => topic.Length == 0 || topic.Any(c => char.IsLetterOrDigit(c) && t.Description.Contains(c)))
            .MaxBy(t => t.CreatedUtc);
    }

    /// <summary>
    /// A correction is about a ticket of the speaker's registered shortly before: the one whose place or description
    /// holds the wrong words ("不是2栋" with tickets at 2栋 and 4栋), else their one such ticket; with several and nothing
    /// to tell them apart ("说错了，是8栋") they pick. Past the window it is refused kindly.
    /// </summary>
    private bool Correct(TurnContext context, List<Ticket> mine, FollowUpRequest request)
    {
        var identity = context.Identity;
        var open = mine.Where(t => TicketLifecycle.IsOpen(t.Status)).ToList();
        if (open.Count == 0)
        {
            // "不对，是8栋门口" with nothing of theirs open is talk between neighbours, never a report: left alone in a
            // group, a hint when it was said to the bot.
            if (!request.Explicit)
            {
                return false;
            }

            if (IsDirect(context))
            {
                FollowUpActions.Reply(context, FollowUpTexts.NothingToCorrect(identity.Name));
            }

            return true;
        }

        var window = options.Value.CorrectionWindow;
        var correction = request.Correction!;
        var fresh = open.Where(t => clock.NowUtc - t.CreatedUtc <= window).ToList();
        switch (OwnTickets.Choose(fresh, correction.Wrong ?? "", null, openOnly: true))
        {
            case TicketChoice.One { Ticket: var ticket }:
                actions.Correct(context, ticket, correction);
                return true;
            case TicketChoice.Several { Tickets: var several }:
                Pick(context, request, several, MessageText.Of(context.Activity), topicMissed: false);
                return true;
            case TicketChoice.None when fresh.Count == 1:
                actions.Correct(context, fresh[0], correction);
                return true;
            case TicketChoice.None when fresh.Count > 1:
                Pick(context, request, fresh.Take(5).ToList(), MessageText.Of(context.Activity), topicMissed: false);
                return true;
        }

        // "不对，是8栋" an hour later may well be talk between neighbours; only a clear correction gets an answer.
        if (!request.Explicit)
        {
            return false;
        }

        FollowUpActions.Reply(context, FollowUpTexts.TooLateToCorrect(identity.Name, open[0], window));
        return true;
    }

    /// <summary>A private chat, or the bot @-mentioned in a group.</summary>
    private static bool IsDirect(TurnContext context) =>
        !context.Identity.IsGroup || context.Activity.Mentions().Any(m => m.Mentioned.Id == context.Activity.Recipient?.Id);

    private void Pick(TurnContext context, FollowUpRequest request, IReadOnlyList<Ticket> tickets, string text, bool topicMissed)
    {
        actions.Ask(context, new PickTicketFrame(request.Kind, [.. tickets.Select(t => t.Number)], TicketTexts.Shorten(text, 100), request.Correction));
        FollowUpActions.Reply(context, FollowUpTexts.Pick(context.Identity.Name, request.Kind, tickets, topicMissed ? request.Topic : null));
    }
}
