using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class TicketReporterConfiguration : IEntityTypeConfiguration<TicketReporter>
{
    public void Configure(EntityTypeBuilder<TicketReporter> builder)
    {
        builder.Property(r => r.Channel).HasMaxLength(32);
        builder.Property(r => r.UserId).HasMaxLength(128);
        builder.Property(r => r.Name).HasMaxLength(64);
        builder.Property(r => r.Phone).HasMaxLength(32);
        builder.Property(r => r.Report).HasMaxLength(2000);
        builder.HasIndex(r => new { r.Channel, r.UserId });
    }
}
