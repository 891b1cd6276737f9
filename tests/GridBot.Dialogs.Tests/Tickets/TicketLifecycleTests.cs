using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tests.Tickets;

public sealed class TicketLifecycleTests
{
    private static readonly TicketActor Leader = new("l1", "王芳");
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AClosedTicketCannotBeClosedAgain()
    {
        var ticket = NewTicket();
        ticket.Resolve(Leader, "done", Now);

        Assert.False(ticket.Allows(TicketAction.Resolve));
        Assert.Throws<InvalidOperationException>(() => ticket.Resolve(Leader, "again", Now));
    }

    [Fact]
    public void EscalationStopsAtTheStreet()
    {
        var ticket = NewTicket();
        ticket.Escalate(Leader, "a", Now, Now);
        ticket.Escalate(Leader, "b", Now, Now);

        Assert.Equal(TicketTier.Street, ticket.Tier);
        Assert.False(ticket.Allows(TicketAction.Escalate));
    }

    [Fact]
    public void EveryMoveIsWrittenToTheHistory()
    {
        var ticket = NewTicket();
        ticket.Accept(Leader, Now);
        ticket.Assign(Leader, "w1", "李明", Now);
        ticket.Resolve(Leader, "ok", Now);
        ticket.Reopen(Leader, "not fixed", Now.AddHours(8), Now);

        Assert.Equal([TicketAction.Create, TicketAction.Accept, TicketAction.Assign, TicketAction.Resolve, TicketAction.Reopen], ticket.Events.Select(e => e.Action));
        Assert.Equal(TicketStatus.Reopened, ticket.Status);
        Assert.Equal("李明", ticket.OwnerName);
    }

    private static Ticket NewTicket()
    {
        var ticket = new Ticket { Number = "GD20261123-0001", Category = "民生服务", Description = "灯坏了", Channel = "demo", ConversationId = "c" };
        ticket.Open(Leader, TicketTier.Grid, Now);
        return ticket;
    }
}
