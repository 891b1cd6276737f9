namespace GridBot.Host.Tests.Authorization;

/// <summary>The state a row's ticket must be in before a cell acts on it.</summary>
public enum TicketSetup
{
    New,
    Assigned,
    Resolved,
}
