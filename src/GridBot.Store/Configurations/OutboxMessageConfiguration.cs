using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(o => o.Channel).HasMaxLength(32);
        builder.Property(o => o.ConversationId).HasMaxLength(128);
        builder.Property(o => o.ServiceUrl).HasMaxLength(512);
        builder.Property(o => o.ReplyToId).HasMaxLength(128);
        builder.Property(o => o.Text).HasMaxLength(8000);
        builder.Property(o => o.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        // Rows written before formats existed are text.
        builder.Property(o => o.Format).HasDefaultValue(OutboxFormat.Text).HasSentinel(OutboxFormat.Text);
        builder.Property(o => o.Mentions).HasMaxLength(2000);
        builder.HasIndex(o => new { o.Status, o.NextAttemptUtc });
        builder.HasIndex(o => new { o.Channel, o.ConversationId, o.Id });
    }
}
