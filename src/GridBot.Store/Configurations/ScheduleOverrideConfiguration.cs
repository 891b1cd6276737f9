using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class ScheduleOverrideConfiguration : IEntityTypeConfiguration<ScheduleOverride>
{
    public void Configure(EntityTypeBuilder<ScheduleOverride> builder)
    {
        builder.Property(o => o.UpdatedBy).HasMaxLength(64);
        builder.HasIndex(o => new { o.GridId, o.Kind }).IsUnique();
        builder.HasOne(o => o.Grid).WithMany().HasForeignKey(o => o.GridId).OnDelete(DeleteBehavior.Cascade);
    }
}
