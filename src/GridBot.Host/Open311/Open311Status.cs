using GridBot.Dialogs.Tickets;
using GridBot.Store.Tickets;

namespace GridBot.Host.Open311;

/// <summary>
/// GeoReport v2 knows two states. Every ticket still being worked on (New … Escalated, Reopened) is "open"; Resolved,
/// Rated, Closed and Rejected are "closed". status_notes says the GridBot status in Chinese, and for closed work the
/// resolution (or, for a rejected report, why) — see docs/CONSOLE.md for the table.
/// </summary>
public static class Open311Status
{
    public static readonly TicketStatus[] Closed = [.. Enum.GetValues<TicketStatus>().Where(s => !TicketLifecycle.IsOpen(s))];

    public static readonly TicketStatus[] Open = [.. Enum.GetValues<TicketStatus>().Where(TicketLifecycle.IsOpen)];

    public static string Of(TicketStatus status) => TicketLifecycle.IsOpen(status) ? "open" : "closed";

    public static string Notes(TicketStatus status, string? resolution) =>
        resolution is { Length: > 0 } ? $"{TicketStatusNames.Of(status)}：{Dialogs.Privacy.PersonalDataMask.Text(resolution)}" : TicketStatusNames.Of(status);
}
