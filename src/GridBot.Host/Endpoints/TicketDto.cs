using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Tickets;
using GridBot.Store.Tickets;

namespace GridBot.Host.Endpoints;

/// <summary>
/// The API's view of a ticket: Chinese status and appeal-type names beside the codes, and no phone or ID number in
/// clear. <see cref="DeadlineUtc"/> is null for a question, a suggestion or praise (no SLA clock).
/// </summary>
public sealed record TicketDto(
    string Number,
    string Category,
    string AppealType,
    string AppealTypeName,
    string Urgency,
    string? Place,
    PlaceDetail PlaceDetail,
    string Description,
    string GridCode,
    string GridName,
    string Status,
    string StatusName,
    string Tier,
    string? Owner,
    DateTime CreatedUtc,
    DateTime? DeadlineUtc,
    DateTime? ResolvedUtc,
    string? Resolution,
    string? Rating,
    int UrgeCount,
    DateTime? RaisedToLeaderUtc,
    IReadOnlyList<TicketReporterDto> Reporters,
    IReadOnlyList<string>? Photos,
    IReadOnlyList<TicketEventDto>? History)
{
    public static TicketDto From(Ticket t, IReadOnlyList<TicketEvent>? events) => new(
        t.Number,
        t.Category,
        AppealTypeNames.Code(t.AppealType),
        AppealTypeNames.Of(t.AppealType),
        t.Urgency.ToString(),
        t.Place,
        t.PlaceDetail,
        PersonalDataMask.Text(t.Description),
        t.Grid?.Code ?? "",
        t.Grid?.Name ?? "",
        t.Status.ToString(),
        TicketStatusNames.Of(t.Status),
        t.Tier.ToString(),
        t.OwnerName,
        t.CreatedUtc,
        t.DeadlineUtc,
        t.ResolvedUtc,
        t.Resolution is null ? null : PersonalDataMask.Text(t.Resolution),
        t.Rating?.ToString(),
        t.UrgeCount,
        t.RaisedToLeaderUtc,
        t.Reporters.Select(r => new TicketReporterDto(r.Name, PersonalDataMask.Phone(r.Phone))).ToList(),
        events is null ? null : t.Attachments.Select(a => a.Url).ToList(),
        events?.Select(e => new TicketEventDto(e.AtUtc, e.Action.ToString(), TicketEventNames.Of(e.Action), e.ActorName,
            e.FromStatus?.ToString(), e.ToStatus.ToString(), e.Note is null ? null : PersonalDataMask.Text(e.Note))).ToList());
}

public sealed record TicketReporterDto(string Name, string? Phone);

public sealed record TicketEventDto(DateTime AtUtc, string Action, string ActionName, string Actor, string? From, string To, string? Note);
