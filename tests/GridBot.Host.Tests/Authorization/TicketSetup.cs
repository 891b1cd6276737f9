namespace GridBot.Host.Tests.Authorization;

/// <summary>The state a row's ticket must be in before a cell acts on it.</summary>
public enum TicketSetup
{
    New,
    Assigned,
    Resolved,

    /// <summary>A 咨询 item a resident asked for a worker to answer (no deadline).</summary>
    Consultation,
}
