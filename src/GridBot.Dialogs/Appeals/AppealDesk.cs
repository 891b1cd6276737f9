using GridBot.Dialogs.Core;
using GridBot.Dialogs.Telemetry;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Appeals;

/// <summary>
/// Everything that is not work on the clock: a question is answered from the knowledge base and the announcements,
/// or logged as a 咨询 item for a worker when there is no good answer; a suggestion or praise is logged as its kind and
/// thanked. Items are tickets without a deadline (no chase, no overdue, no rating), written in the turn's transaction.
/// </summary>
public sealed class AppealDesk(
    QuestionAnswerer answerer,
    TicketService tickets,
    TicketNotifier notifier,
    ShanghaiTime clock,
    GridBotTelemetry telemetry)
{
    /// <summary>Handles a message the understanding read as a question, a suggestion or praise.</summary>
    public async Task HandleAsync(TurnContext context, string text, TicketUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (understanding.AppealType == AppealType.Consultation)
        {
            await AskAsync(context, text, understanding.Category, cancellationToken);
            return;
        }

        Log(context, text, understanding.Category, understanding.AppealType);
    }

    /// <summary>A question: answered when the knowledge base or an announcement can, otherwise logged for a worker.</summary>
    public async Task AskAsync(TurnContext context, string question, string category, CancellationToken cancellationToken)
    {
        var answer = await answerer.AnswerAsync(question, context.Identity.Grid, cancellationToken);
        if (answer.Answered)
        {
            telemetry.QuestionsAnswered.Add(1, new KeyValuePair<string, object?>("source", answer.Knowledge is null ? "announcement" : "knowledge"));
            context.Reply(AppealTexts.Answer(context.Identity.Name, answer, utc => clock.ToLocal(utc).ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture)),
                Entity.MentionOf(context.Identity.UserId, context.Identity.Name));
            return;
        }

        Log(context, question, category, AppealType.Consultation);
    }

    /// <summary>A staff member's answer (答复) closes the item and is passed on to whoever raised it.</summary>
    public void Answer(TurnContext context, Ticket ticket, string answer)
    {
        ticket.Answer(new TicketActor(context.Identity.UserId, context.Identity.Name), answer, clock.NowUtc);
        if (!notifier.NotifyReporters(context, ticket, names => AppealTexts.ToldReporters(ticket, context.Identity.Name, answer, names)))
        {
            context.Reply(AppealTexts.Answered(ticket));
        }
    }

    /// <summary>Logs a question for a worker, or a suggestion or praise, and thanks or tells the resident.</summary>
    public void Log(TurnContext context, string text, string category, AppealType type)
    {
        var draft = new TicketDraft(text, category, TicketUrgency.Normal, PlaceExtractor.Extract(text), []) { AppealType = type };
        var ticket = tickets.Open(tickets.OpeningFrom(context, draft));
        telemetry.TicketsCreated.Add(1, new KeyValuePair<string, object?>("urgency", ticket.Urgency.ToString()),
            new KeyValuePair<string, object?>("appeal", AppealTypeNames.Code(type)));
        context.Reply(AppealTexts.Logged(context.Identity.Name, ticket), Entity.MentionOf(context.Identity.UserId, context.Identity.Name));
    }
}
