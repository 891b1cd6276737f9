using GridBot.Store.Tickets;

namespace GridBot.Host.Demo;

/// <summary>One thing a resident said in a group, already understood (category, appeal type, place) as the bot would.</summary>
internal sealed record DemoReport(string Category, AppealType Type, string Text, string? Place, TicketUrgency Urgency = TicketUrgency.Normal);
