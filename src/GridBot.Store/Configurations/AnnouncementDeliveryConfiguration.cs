using GridBot.Store.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class AnnouncementDeliveryConfiguration : IEntityTypeConfiguration<AnnouncementDelivery>
{
    public void Configure(EntityTypeBuilder<AnnouncementDelivery> builder)
    {
        builder.HasIndex(d => new { d.AnnouncementId, d.ChatId }).IsUnique();
        // "The newest open announcement in this chat" when someone says 收到.
        builder.HasIndex(d => new { d.ChatId, d.AnnouncementId });
        builder.HasOne(d => d.Chat).WithMany().HasForeignKey(d => d.ChatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Parts).WithOne().HasForeignKey(p => p.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Parts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
