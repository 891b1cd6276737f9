using GridBot.Store.Tickets;

namespace GridBot.Store.Tests.Tickets;

/// <summary>The ticket refuses what its invariants forbid: the refusal is an exception, never a silent change.</summary>
public sealed class TicketGuardTests
{
    private static readonly TicketActor Worker = new("w1", "李明");
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void OpeningTwiceThrowsAndLeavesOneCreation()
    {
        var ticket = NewTicket(AppealType.Complaint);
        ticket.Open(Worker, TicketTier.Grid, Now, Now.AddDays(3));

        Assert.Throws<InvalidOperationException>(() => ticket.Open(Worker, TicketTier.Community, Now.AddHours(1), Now.AddDays(1)));
        Assert.Equal(TicketAction.Create, Assert.Single(ticket.Events).Action);
        Assert.Equal((TicketTier.Grid, Now.AddDays(3)), (ticket.Tier, ticket.DeadlineUtc));
    }

    [Fact]
    public void AQuestionOpenedWithADeadlineThrows()
    {
        var ticket = NewTicket(AppealType.Consultation);

        Assert.Throws<InvalidOperationException>(() => ticket.Open(Worker, TicketTier.Grid, Now, Now.AddDays(3)));
        Assert.Empty(ticket.Events);
        Assert.Null(ticket.DeadlineUtc);
    }

    [Fact]
    public void AnIllegalMoveThrowsAndChangesNothing()
    {
        var ticket = NewTicket(AppealType.Complaint);
        ticket.Open(Worker, TicketTier.Grid, Now, Now.AddDays(3));

        Assert.Throws<InvalidOperationException>(() => ticket.Rate(Worker, TicketRating.Satisfied, Now));
        Assert.Throws<InvalidOperationException>(() => ticket.Answer(Worker, "已答复", Now));
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Single(ticket.Events);
    }

    [Fact]
    public void TheStreetIsTheTopTier()
    {
        var ticket = NewTicket(AppealType.Complaint);
        ticket.Open(Worker, TicketTier.Street, Now, Now.AddDays(3));

        Assert.Throws<InvalidOperationException>(() => ticket.Escalate(Worker, "协调不了", Now.AddDays(5), Now));
        Assert.Equal(TicketTier.Street, ticket.Tier);
    }

    [Fact]
    public void TheCollectionsAreReadOnlyViews()
    {
        var ticket = NewTicket(AppealType.Complaint);

        Assert.False(ticket.Events is List<TicketEvent>);
        Assert.False(ticket.Reporters is List<TicketReporter>);
        Assert.False(ticket.Attachments is List<TicketAttachment>);
    }

    private static Ticket NewTicket(AppealType type) =>
        new() { Number = "GD20261123-0001", Category = "市容环境", AppealType = type, Description = "路灯坏了", Channel = "demo", ConversationId = "c" };
}
