using GridBot.Store.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class AnnouncementTargetConfiguration : IEntityTypeConfiguration<AnnouncementTarget>
{
    public void Configure(EntityTypeBuilder<AnnouncementTarget> builder)
    {
        builder.HasIndex(t => new { t.AnnouncementId, t.GridId }).IsUnique();
        builder.HasOne(t => t.Grid).WithMany().HasForeignKey(t => t.GridId).OnDelete(DeleteBehavior.Restrict);
    }
}
