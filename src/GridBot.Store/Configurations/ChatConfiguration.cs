using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class ChatConfiguration : IEntityTypeConfiguration<Chat>
{
    public void Configure(EntityTypeBuilder<Chat> builder)
    {
        builder.Property(c => c.Channel).HasMaxLength(32);
        builder.Property(c => c.ChatId).HasMaxLength(128);
        builder.Property(c => c.Name).HasMaxLength(128);
        builder.Property(c => c.WebhookKey).HasMaxLength(64);
        builder.HasIndex(c => new { c.Channel, c.ChatId }).IsUnique();
        builder.HasOne(c => c.Grid).WithMany().HasForeignKey(c => c.GridId).OnDelete(DeleteBehavior.Restrict);
    }
}
