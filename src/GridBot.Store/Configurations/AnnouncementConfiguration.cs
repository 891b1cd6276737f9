using GridBot.Store.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Announcement.MaxTitleLength);
        builder.Property(a => a.Body).HasMaxLength(Announcement.MaxBodyLength);
        builder.Property(a => a.PublisherId).HasMaxLength(200);
        builder.Property(a => a.PublisherName).HasMaxLength(64);
        builder.Property(a => a.WithdrawnBy).HasMaxLength(64);
        builder.Ignore(a => a.Status);
        // Two writers continuing the same fan-out (a resumed host beside a live one): the second chunk's update finds the
        // cursor moved and fails, so no chat gets a chunk twice.
        builder.Property(a => a.FanOutCursor).IsConcurrencyToken();
        // Two publishers racing for the next number: the loser's insert fails here instead of sharing a number.
        builder.HasIndex(a => a.Number).IsUnique();
        // The scheduled-publish job's query: due, not yet published.
        builder.HasIndex(a => new { a.PublishedUtc, a.ScheduledUtc });
        builder.HasMany(a => a.Targets).WithOne().HasForeignKey(t => t.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Deliveries).WithOne(d => d.Announcement).HasForeignKey(d => d.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.GroupSends).WithOne().HasForeignKey(s => s.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Targets).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Deliveries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.GroupSends).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
