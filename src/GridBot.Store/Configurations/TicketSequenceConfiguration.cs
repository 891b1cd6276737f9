using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class TicketSequenceConfiguration : IEntityTypeConfiguration<TicketSequence>
{
    public void Configure(EntityTypeBuilder<TicketSequence> builder)
    {
        builder.HasKey(s => new { s.Prefix, s.Day });
        builder.Property(s => s.Prefix).HasMaxLength(16);
        builder.Property(s => s.Day).HasMaxLength(8);
    }
}
