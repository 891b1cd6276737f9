using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class ScheduleNoticeConfiguration : IEntityTypeConfiguration<ScheduleNotice>
{
    public void Configure(EntityTypeBuilder<ScheduleNotice> builder)
    {
        builder.Property(n => n.Scope).HasMaxLength(64);
        builder.Property(n => n.Slot).HasMaxLength(32);
        // The idempotency guarantee itself: a second writer of the same notice fails here, whatever host it runs on.
        builder.HasIndex(n => new { n.Kind, n.Scope, n.Slot }).IsUnique();
    }
}
