using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Tickets;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Open311;

/// <summary>Service requests: filed as tickets through <see cref="TicketService"/>, listed from tickets.</summary>
public sealed class Open311Requests(GridBotDbContext db, TurnTransaction unitOfWork, TicketService tickets, TaxonomyProvider taxonomy, ChinaWorkingCalendar calendar, TimeProvider time)
{
    public const int MaxResults = 1000;
    public const int DefaultDays = 90;
    public const string AppealAttribute = "appeal_type";

    /// <returns>The ticket number, or an error (code, description).</returns>
    public async Task<(string? Number, int Code, string? Error)> FileAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var serviceCode = form["service_code"].ToString();
        if (taxonomy.Current.Find(serviceCode) is null)
        {
            return (null, 400, $"service_code '{serviceCode}' is not a service (GET services for the list).");
        }

        var gridCode = form["attribute[grid]"].ToString() is { Length: > 0 } attribute ? attribute : form["jurisdiction_id"].ToString();
        var grid = gridCode.Length == 0 ? null : await db.Grids.FirstOrDefaultAsync(g => g.Code == gridCode, cancellationToken);
        if (grid is null)
        {
            return (null, 400, "attribute[grid] or jurisdiction_id must name a grid code.");
        }

        var appealText = form[$"attribute[{AppealAttribute}]"].ToString();
        if (AppealTypeNames.Parse(appealText.Length == 0 ? AppealTypeNames.Code(AppealType.Complaint) : appealText) is not { } appealType)
        {
            return (null, 400, $"attribute[{AppealAttribute}] must be one of complaint, help, consultation, suggestion, praise.");
        }

        var address = form["address_string"].ToString().Trim();
        var (lat, lon) = (form["lat"].ToString(), form["long"].ToString());
        var place = address.Length > 0 ? address
            : double.TryParse(lat, System.Globalization.CultureInfo.InvariantCulture, out var la) && double.TryParse(lon, System.Globalization.CultureInfo.InvariantCulture, out var lo)
                ? FormattableString.Invariant($"{la:0.######},{lo:0.######}")
                : null;
        if (place is null)
        {
            return (null, 400, "A location is required: address_string, or lat and long.");
        }

        var description = form["description"].ToString().Trim();
        description = description.Length == 0 ? serviceCode : description[..Math.Min(description.Length, 4000)];
        var media = form["media_url"].ToString();
        IReadOnlyList<string> photos = Uri.TryCreate(media, UriKind.Absolute, out var mediaUri) && mediaUri.Scheme is "http" or "https" ? [media] : [];
        var name = $"{form["last_name"]}{form["first_name"]}".Trim();
        var account = form["account_id"].ToString() is { Length: > 0 } a ? a : form["email"].ToString() is { Length: > 0 } e ? e : form["device_id"].ToString();
        var userId = "open311:" + (account.Length > 0 ? account[..Math.Min(account.Length, 100)] : "anonymous");
        var reporterName = name.Length > 0 ? name[..Math.Min(name.Length, 64)] : "Open311 用户";
        var phone = form["phone"].ToString() is { Length: > 0 and <= 32 } p ? p : null;

        var draft = new TicketDraft(description, serviceCode, TicketUrgency.Normal, place[..Math.Min(place.Length, 200)], photos) { AppealType = appealType };
        var opening = new TicketOpening(draft, grid, Open311Sender.ChannelName, Open311Sender.ChannelName, null,
            tickets.NewReporter(Open311Sender.ChannelName, userId, reporterName, phone, description), new TicketActor(userId, reporterName));
        // The same unit of work as a turn's: the ticket and its number commit together or not at all.
        await unitOfWork.BeginAsync(cancellationToken);
        var ticket = tickets.Open(opening);
        await unitOfWork.CommitAsync(cancellationToken);
        await unitOfWork.DisposeAsync();
        return (ticket.Number, 200, null);
    }

    /// <returns>Null when start_date or end_date is not a date.</returns>
    public async Task<IReadOnlyList<Ticket>?> ListAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var tickets = db.Tickets.AsNoTracking().Include(t => t.Grid).Include(t => t.Attachments).AsQueryable();
        if (query["service_request_id"].ToString() is { Length: > 0 } ids)
        {
            // Asked by id: the spec says the other filters are ignored.
            var numbers = ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => n.ToUpperInvariant()).Take(MaxResults).ToList();
            return await tickets.Where(t => numbers.Contains(t.Number)).OrderByDescending(t => t.Id).AsSplitQuery().ToListAsync(cancellationToken);
        }

        if (query["service_code"].ToString() is { Length: > 0 } codes)
        {
            var categories = codes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            tickets = tickets.Where(t => categories.Contains(t.Category));
        }

        if (AppealTypeNames.Parse(query[AppealAttribute]) is { } appeal)
        {
            tickets = tickets.Where(t => t.AppealType == appeal);
        }

        var statuses = query["status"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (statuses.Contains("open") != statuses.Contains("closed"))
        {
            var wanted = statuses.Contains("open") ? Open311Status.Open : Open311Status.Closed;
            tickets = tickets.Where(t => wanted.Contains(t.Status));
        }

        var (endText, startText) = (query["end_date"].ToString(), query["start_date"].ToString());
        var (endAt, startAt) = (Parse(endText), Parse(startText));
        if ((endText.Length > 0 && endAt is null) || (startText.Length > 0 && startAt is null))
        {
            return null;
        }

        var end = endAt ?? time.GetUtcNow().UtcDateTime;
        var start = startAt ?? end.AddDays(-DefaultDays);
        tickets = tickets.Where(t => t.CreatedUtc >= start && t.CreatedUtc <= end);
        return await tickets.OrderByDescending(t => t.Id).Take(MaxResults).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public Task<Ticket?> FindAsync(string number, CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking().Include(t => t.Grid).Include(t => t.Attachments).AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Number == number.ToUpperInvariant(), cancellationToken);

    /// <summary>A ticket as a GeoReport v2 service request; residents' phones and IDs are masked in every text.</summary>
    public Open311Object ToRequest(Ticket t) => Open311Document.Obj(
        ("service_request_id", t.Number),
        ("status", Open311Status.Of(t.Status)),
        ("status_notes", Open311Status.Notes(t.Status, t.Resolution)),
        ("service_name", t.Category),
        ("service_code", t.Category),
        ("description", PersonalDataMask.Text(t.Description)),
        ("agency_responsible", t.Grid!.Name),
        ("service_notice", null),
        ("requested_datetime", Local(t.CreatedUtc)),
        ("updated_datetime", Local(t.UpdatedUtc)),
        ("expected_datetime", t.DeadlineUtc is { } deadline ? Local(deadline) : null),
        ("address", t.Place),
        ("address_id", null),
        ("zipcode", null),
        ("lat", null),
        ("long", null),
        ("media_url", t.Attachments.OrderBy(a => a.Id).Select(a => a.Url).FirstOrDefault()),
        (AppealAttribute, AppealTypeNames.Code(t.AppealType)));

    public static bool IsOpenStatusFilterValid(string? status) =>
        string.IsNullOrEmpty(status) || status.Split(',', StringSplitOptions.TrimEntries).All(s => s is "open" or "closed");

    private DateTimeOffset Local(DateTime utc) =>
        new(calendar.ToLocalTime(utc), calendar.TimeZone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>w3 datetime as <see cref="TimeInput"/> reads every time: with a zone as given, without one Beijing time.</summary>
    private DateTime? Parse(string? text) =>
        !string.IsNullOrEmpty(text) && TimeInput.TryParseUtc(text, calendar.TimeZone, out var utc) ? utc : null;
}
