using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GridBot.Dialogs.Telemetry;

/// <summary>
/// GridBot's own meter and activity source ("GridBot"): what the bot did, never what anybody said. Tags carry channels,
/// kinds and outcomes, never user ids or text (personal data stays out of telemetry as it stays out of logs).
/// </summary>
public sealed class GridBotTelemetry
{
    public const string Name = "GridBot";

    /// <summary>Spans for turns and sends; static because ActivitySource listeners are process-wide anyway.</summary>
    public static readonly ActivitySource Source = new(Name);

    public GridBotTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        MessagesIn = meter.CreateCounter<long>("gridbot.messages.in", "{activity}", "Activities that reached the turn pipeline, by channel and type");
        TicketsCreated = meter.CreateCounter<long>("gridbot.tickets.created", "{ticket}", "Tickets filed from reports, by urgency");
        TicketsMerged = meter.CreateCounter<long>("gridbot.tickets.merged", "{report}", "Reports merged into an open ticket");
        QuestionsAnswered = meter.CreateCounter<long>("gridbot.questions.answered", "{question}", "Residents' questions answered at once, by source (knowledge, announcement)");
        Sends = meter.CreateCounter<long>("gridbot.outbox.sends", "{attempt}", "Outbox send attempts, by channel and outcome");
        RateLimitWaits = meter.CreateCounter<long>("gridbot.ratelimit.waits", "{send}", "Robot sends held back by the per-robot limit");
        RemindersFired = meter.CreateCounter<long>("gridbot.reminders.fired", "{notice}", "Scheduled notices sent, by kind");
        TurnDuration = meter.CreateHistogram<double>("gridbot.turn.duration", "ms", "Time from an activity entering the pipeline to its commit");
    }

    public Counter<long> MessagesIn { get; }
    public Counter<long> TicketsCreated { get; }
    public Counter<long> TicketsMerged { get; }
    public Counter<long> QuestionsAnswered { get; }
    public Counter<long> Sends { get; }
    public Counter<long> RateLimitWaits { get; }
    public Counter<long> RemindersFired { get; }
    public Histogram<double> TurnDuration { get; }
}
