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
    /// <summary>The opening of a report made in this turn by the person speaking.</summary>
    public TicketOpening OpeningFrom(TurnContext context, TicketDraft draft)
    {
        var identity = context.Identity;
        return new TicketOpening(
            draft,
            identity.Grid,
            identity.Channel,
            context.Activity.Conversation?.Id ?? "",
            context.Activity.ServiceUrl,
            NewReporter(identity.Channel, identity.UserId, identity.Name, identity.Member?.Phone, draft.Description),
            new TicketActor(identity.UserId, identity.Name));
    }

    public TicketReporter NewReporter(string channel, string userId, string name, string? phone, string report) => new()
    {
        Channel = channel,
        UserId = userId,
        Name = name,
        Phone = phone,
        Report = Trim(report),
        AddedUtc = clock.NowUtc,
    };

    /// <summary>
    /// Opens the ticket in the unit of work. Its number is a placeholder until the commit takes the number
    /// (<see cref="TicketNumberAllocator"/>): texts built from it now carry the number once committed.
    /// </summary>
    public Ticket Open(TicketOpening opening)
    {
        var now = clock.NowUtc;
        var draft = opening.Draft;
        var category = taxonomy.Current.Find(draft.Category) ?? taxonomy.Current.Find(taxonomy.Current.FallbackCategory)!;
        // Only a complaint or a request for help runs on the SLA clock; a question or a suggestion has no deadline.
        var deadline = draft.AppealType.CarriesSla() ? Deadline(category, draft.Urgency, now) : (DateTime?)null;
        var place = PlaceParser.Parse(draft.Place) ?? new PlaceDetail();
        var ticket = new Ticket
        {
            Number = numbers.Reserve(options.Value.NumberPrefix, clock.Today),
            Category = category.Name,
            AppealType = draft.AppealType,
            Urgency = draft.Urgency,
            Place = draft.Place,
            PlaceDetail = place,
            Description = Trim(draft.Description),
            GridId = opening.Grid.Id,
            Grid = opening.Grid,
            Channel = opening.Channel,
            ConversationId = opening.ConversationId,
            ServiceUrl = opening.ServiceUrl,
        };
        // The first reporter is part of the creation, not a later "reporter added" event.
        ticket.AddReporter(opening.Reporter, opening.Actor, now);
        ticket.Open(opening.Actor, category.Tier, now, deadline);
        foreach (var url in draft.PhotoUrls)
        {
            ticket.AddAttachment(new TicketAttachment { Url = url, ContentType = "image", AddedUtc = now }, opening.Actor, now);
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

    private static string Trim(string text) => text.Length > 2000 ? text[..2000] : text;
}
