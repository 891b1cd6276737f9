using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        builder.Property(e => e.ActorUserId).HasMaxLength(128);
        builder.Property(e => e.ActorName).HasMaxLength(64);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.HasIndex(e => e.TicketId);
        // Digests count a period's urges and withdrawals from the history as range scans on this.
        builder.HasIndex(e => new { e.Action, e.AtUtc });
    }
}
