using GridBot.Store.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class AnnouncementGroupSendConfiguration : IEntityTypeConfiguration<AnnouncementGroupSend>
{
    public void Configure(EntityTypeBuilder<AnnouncementGroupSend> builder)
    {
        builder.HasIndex(s => new { s.AnnouncementId, s.GridId, s.Part }).IsUnique();
        // A kf 收到 looks for the announcement whose customer-group row made the task that reached the resident's group.
        builder.HasIndex(s => s.OutboxMessageId).IsUnique();
        builder.HasOne(s => s.Grid).WithMany().HasForeignKey(s => s.GridId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.OutboxMessage).WithMany().HasForeignKey(s => s.OutboxMessageId).OnDelete(DeleteBehavior.Restrict);
    }
}
