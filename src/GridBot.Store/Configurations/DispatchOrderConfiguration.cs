using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class DispatchOrderConfiguration : IEntityTypeConfiguration<DispatchOrder>
{
    public void Configure(EntityTypeBuilder<DispatchOrder> builder)
    {
        builder.Property(o => o.Assignee).HasMaxLength(64);
        builder.Property(o => o.IssuedBy).HasMaxLength(64);
        builder.HasIndex(o => new { o.CommunityGridId, o.IssuedUtc });
        builder.HasOne(o => o.Ticket).WithMany().HasForeignKey(o => o.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
