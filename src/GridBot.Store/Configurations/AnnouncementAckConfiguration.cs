using GridBot.Store.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class AnnouncementAckConfiguration : IEntityTypeConfiguration<AnnouncementAck>
{
    public void Configure(EntityTypeBuilder<AnnouncementAck> builder)
    {
        // One 回执 per person and announcement, however often they say 收到.
        builder.HasIndex(a => new { a.AnnouncementId, a.MemberId }).IsUnique();
        builder.HasOne(a => a.Member).WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Announcement>().WithMany().HasForeignKey(a => a.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
    }
}
