using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets;

/// <summary>Opens tickets and computes deadlines; the entity itself guards every later transition.</summary>
public sealed class TicketService(
    GridBotDbContext db,
    TicketNumberAllocator numbers,
    TaxonomyProvider taxonomy,
    ChinaWorkingCalendar calendar,
    ShanghaiTime clock,
    IOptions<TicketOptions> options)
{
    public async Task<Ticket> OpenAsync(TurnContext context, TicketDraft draft, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        var now = clock.NowUtc;
        var category = taxonomy.Current.Find(draft.Category) ?? taxonomy.Current.Find(taxonomy.Current.FallbackCategory)!;
        var ticket = new Ticket
        {
            Number = await numbers.NextAsync(options.Value.NumberPrefix, clock.Today, cancellationToken),
            Category = category.Name,
            Urgency = draft.Urgency,
            Place = draft.Place,
            Description = draft.Description.Length > 2000 ? draft.Description[..2000] : draft.Description,
            GridId = identity.Grid.Id,
            Grid = identity.Grid,
            Channel = identity.Channel,
            ConversationId = context.Activity.Conversation?.Id ?? "",
            ServiceUrl = context.Activity.ServiceUrl,
            DeadlineUtc = Deadline(category, draft.Urgency, now),
        };
        var actor = new TicketActor(identity.UserId, identity.Name);
        // The first reporter is part of the creation, not a later "reporter added" event.
        ticket.AddReporter(new TicketReporter
        {
            Channel = identity.Channel,
            UserId = identity.UserId,
            Name = identity.Name,
            Phone = identity.Member?.Phone,
            AddedUtc = now,
        }, actor, now);
        ticket.Open(actor, category.Tier, now);
        foreach (var url in draft.PhotoUrls)
        {
            ticket.AddAttachment(new TicketAttachment { Url = url, ContentType = "image", AddedUtc = now }, actor, now);
        }

        db.Tickets.Add(ticket);
        return ticket;
    }

    /// <summary>Urgent work runs on the wall clock; everything else counts working hours on China's calendar.</summary>
    public DateTime Deadline(TaxonomyCategory category, TicketUrgency urgency, DateTime fromUtc) =>
        urgency == TicketUrgency.Urgent
            ? fromUtc.AddHours(taxonomy.Current.Urgency.DeadlineHours)
            : calendar.AddWorkingHours(fromUtc, category.DeadlineHours);

    public DateTime EscalationDeadline(TicketTier toTier, DateTime fromUtc) =>
        calendar.AddWorkingHours(fromUtc, toTier == TicketTier.Community
            ? taxonomy.Current.Escalation.CommunityDeadlineHours
            : taxonomy.Current.Escalation.StreetDeadlineHours);

    public DateTime ReopenDeadline(Ticket ticket, DateTime fromUtc)
    {
        var category = taxonomy.Current.Find(ticket.Category) ?? taxonomy.Current.Find(taxonomy.Current.FallbackCategory)!;
        return Deadline(category, ticket.Urgency, fromUtc);
    }
}
