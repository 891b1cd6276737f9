using GridBot.Dialogs.Appeals;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Any message that is not a command: a report becomes a ticket (or a question first), chit-chat is left alone,
/// a lone photo joins the sender's ticket of the last half hour.
/// </summary>
public sealed class ReportRoute(
    ITicketUnderstander understander,
    TicketIntake intake,
    IntakeFlow flow,
    AppealDesk appeals,
    GridBotDbContext db,
    ShanghaiTime clock,
    IOptions<TicketOptions> options) : IRouteHandler
{
    private static readonly TimeSpan PhotoWindow = TimeSpan.FromMinutes(30);

    public async Task<bool> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        var text = MessageText.Of(context.Activity);
        var photos = MessageText.PhotoUrls(context.Activity);
        if (text.Length == 0)
        {
            if (photos.Count > 0)
            {
                await AttachToRecentTicketAsync(context, photos, cancellationToken);
            }

            return true;
        }

        var understanding = understander.Understand(text, identity.Grid.Code);
        if (!understanding.AppealType.CarriesSla())
        {
            // A question, a suggestion or praise: answered or logged as its kind, never offered as a complaint.
            await appeals.HandleAsync(context, text, understanding, cancellationToken);
            return true;
        }

        var settings = options.Value;
        if (!understanding.LooksLikeReport || understanding.Confidence < settings.IgnoreBelow)
        {
            if (!identity.IsGroup)
            {
                context.Reply(TicketTexts.PrivateHint);
            }

            return true;
        }

        var draft = new TicketDraft(text, understanding.Category, understanding.Urgency, understanding.Place, photos) { AppealType = understanding.AppealType };
        var choices = understanding.CategoryConfidence < settings.CategoryConfirmBelow && understanding.Alternatives.Count > 1
            ? understanding.Alternatives
            : null;
        if (understanding.Urgency == TicketUrgency.Urgent)
        {
            // An emergency is never held up by a question.
            await intake.OpenAsync(context, draft, cancellationToken);
        }
        else if (understanding.Confidence < settings.ConfirmBelow)
        {
            flow.AskToConfirm(context, draft, choices);
        }
        else
        {
            await flow.ContinueAsync(context, draft, choices, cancellationToken);
        }

        return true;
    }

    private async Task AttachToRecentTicketAsync(TurnContext context, IReadOnlyList<string> photos, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        var conversationId = context.Activity.Conversation?.Id ?? "";
        var since = clock.NowUtc - PhotoWindow;
        var ticket = await db.Tickets
            // The speaker's own report of the last half hour, also when it joined an older ticket of a neighbour's:
            // several residents sending photos at once each reach their own ticket.
            .Where(t => t.Channel == identity.Channel && t.ConversationId == conversationId
                && t.Reporters.Any(r => r.Channel == identity.Channel && r.UserId == identity.UserId && r.AddedUtc >= since))
            .OrderByDescending(t => t.Reporters.Where(r => r.Channel == identity.Channel && r.UserId == identity.UserId).Max(r => r.AddedUtc))
            .FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            if (!identity.IsGroup)
            {
                context.Reply(TicketTexts.PrivateHint);
            }

            return;
        }

        var actor = new TicketActor(identity.UserId, identity.Name);
        foreach (var url in photos)
        {
            ticket.AddAttachment(new TicketAttachment { Url = url, ContentType = "image", AddedUtc = clock.NowUtc }, actor, clock.NowUtc);
        }

        context.Reply(TicketTexts.PhotoAdded(ticket.Number));
    }
}
