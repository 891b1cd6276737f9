using GridBot.Store.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class AnnouncementDeliveryPartConfiguration : IEntityTypeConfiguration<AnnouncementDeliveryPart>
{
    public void Configure(EntityTypeBuilder<AnnouncementDeliveryPart> builder)
    {
        builder.HasIndex(p => new { p.DeliveryId, p.Part }).IsUnique();
        // A quote-reply names the outbox row it quotes (the chat page's feed id).
        builder.HasIndex(p => p.OutboxMessageId).IsUnique();
        builder.HasOne(p => p.OutboxMessage).WithMany().HasForeignKey(p => p.OutboxMessageId).OnDelete(DeleteBehavior.Restrict);
    }
}
