using GridBot.Store.Announcements;
using GridBot.Store.BotFramework;
using GridBot.Store.Conversations;
using GridBot.Store.Coordination;
using GridBot.Store.CustomerGroups;
using GridBot.Store.Grids;
using GridBot.Store.Kf;
using GridBot.Store.Knowledge;
using GridBot.Store.Outbox;
using GridBot.Store.Schedules;
using GridBot.Store.StaffConsole;
using GridBot.Store.Tickets;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store;

public sealed class GridBotDbContext(DbContextOptions<GridBotDbContext> options) : DbContext(options)
{
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<Chat> Chats => Set<Chat>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<TicketReporter> TicketReporters => Set<TicketReporter>();
    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();
    public DbSet<TicketSequence> TicketSequences => Set<TicketSequence>();
    public DbSet<DialogStateRecord> DialogStates => Set<DialogStateRecord>();
    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ScheduleNotice> ScheduleNotices => Set<ScheduleNotice>();
    public DbSet<ScheduleOverride> ScheduleOverrides => Set<ScheduleOverride>();
    public DbSet<DispatchOrder> DispatchOrders => Set<DispatchOrder>();
    public DbSet<KfCursor> KfCursors => Set<KfCursor>();
    public DbSet<KfSession> KfSessions => Set<KfSession>();
    public DbSet<KfContactLink> KfContactLinks => Set<KfContactLink>();
    public DbSet<CustomerGroup> CustomerGroups => Set<CustomerGroup>();
    public DbSet<GroupMessageTask> GroupMessageTasks => Set<GroupMessageTask>();
    public DbSet<GroupMessageTaskChat> GroupMessageTaskChats => Set<GroupMessageTaskChat>();
    public DbSet<GroupMessageSkip> GroupMessageSkips => Set<GroupMessageSkip>();
    public DbSet<ConsoleSignInLink> ConsoleSignInLinks => Set<ConsoleSignInLink>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<AnnouncementTarget> AnnouncementTargets => Set<AnnouncementTarget>();
    public DbSet<AnnouncementDelivery> AnnouncementDeliveries => Set<AnnouncementDelivery>();
    public DbSet<AnnouncementDeliveryPart> AnnouncementDeliveryParts => Set<AnnouncementDeliveryPart>();
    public DbSet<AnnouncementAck> AnnouncementAcks => Set<AnnouncementAck>();
    public DbSet<AnnouncementGroupSend> AnnouncementGroupSends => Set<AnnouncementGroupSend>();
    public DbSet<ConversationReference> BotFrameworkConversations => Set<ConversationReference>();
    public DbSet<MemberReference> BotFrameworkMembers => Set<MemberReference>();
    public DbSet<AiBotLease> AiBotLeases => Set<AiBotLease>();
    public DbSet<KnowledgeEntry> KnowledgeEntries => Set<KnowledgeEntry>();
    public DbSet<TurnInboxEntry> TurnInbox => Set<TurnInboxEntry>();

    /// <summary>The turn that holds this context: while set, only its commit may save.</summary>
    internal TurnTransaction? Owner { get; set; }

    internal bool Committing { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTurn();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTurn();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // A save in the middle of a turn would commit part of it (or, inside its transaction, nothing until the end while
    // looking committed): the turn's owner is the only one who saves.
    private void GuardTurn()
    {
        if (Owner is not null && !Committing)
        {
            throw new InvalidOperationException("A turn is in progress on this DbContext: its changes are saved by TurnTransaction.CommitAsync only.");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GridBotDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads without the code, and reordering a member is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // SQLite hands DateTime back without a kind; every stored time is UTC, so say so (APIs then write the "Z").
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
