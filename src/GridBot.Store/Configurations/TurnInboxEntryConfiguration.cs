using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class TurnInboxEntryConfiguration : IEntityTypeConfiguration<TurnInboxEntry>
{
    public void Configure(EntityTypeBuilder<TurnInboxEntry> builder)
    {
        builder.ToTable("TurnInbox");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(320);
        builder.Property(e => e.ActivityJson).HasMaxLength(64000);
        builder.Property(e => e.LateChannel).HasMaxLength(32);
        builder.Property(e => e.LateConversationId).HasMaxLength(128);
        builder.Property(e => e.LateServiceUrl).HasMaxLength(512);
        builder.HasIndex(e => e.AcceptedUtc);
    }
}
