using GridBot.Store.Tickets;
using Microsoft.AspNetCore.Http.Extensions;

namespace GridBot.Host.StaffConsole;

/// <summary>The board's filters as they arrive in the query string; unknown values are dropped, not errors.</summary>
public sealed record BoardFilter(
    string? Grid,
    TicketStatus? Status,
    string? Category,
    AppealType? AppealType,
    TicketUrgency? Urgency,
    bool Overdue,
    string? Text,
    BoardSort Sort,
    int Page)
{
    public const int PageSize = 20;

    public static BoardFilter From(IQueryCollection query) => new(
        Blank(query["grid"]),
        Enum.TryParse<TicketStatus>(query["status"], out var status) && Enum.IsDefined(status) ? status : null,
        Blank(query["category"]),
        Dialogs.Tickets.AppealTypeNames.Parse(query["appeal"]),
        Enum.TryParse<TicketUrgency>(query["urgency"], out var urgency) && Enum.IsDefined(urgency) ? urgency : null,
        query["overdue"] == "1",
        Blank(query["q"]) is { } text ? text[..Math.Min(text.Length, 50)] : null,
        Enum.TryParse<BoardSort>(query["sort"], ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : BoardSort.Newest,
        int.TryParse(query["page"], out var page) ? Math.Clamp(page, 1, 100_000) : 1);

    /// <summary>The query string for this filter on another page (links keep every filter).</summary>
    public string QueryFor(int page)
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new("grid", Grid), new("status", Status?.ToString()), new("category", Category),
            new("appeal", AppealType is { } appeal ? Dialogs.Tickets.AppealTypeNames.Code(appeal) : null), new("urgency", Urgency?.ToString()),
            new("overdue", Overdue ? "1" : null), new("q", Text), new("sort", Sort == BoardSort.Newest ? null : Sort.ToString()),
            new("page", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return new QueryBuilder(parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)))
            .ToQueryString().Value ?? "";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public enum BoardSort
{
    Newest,
    Oldest,
    Deadline,
    Updated,
}
