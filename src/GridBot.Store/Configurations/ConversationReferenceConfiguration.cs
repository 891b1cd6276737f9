using GridBot.Store.BotFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class ConversationReferenceConfiguration : IEntityTypeConfiguration<ConversationReference>
{
    public void Configure(EntityTypeBuilder<ConversationReference> builder)
    {
        builder.ToTable("BotFrameworkConversationReferences");
        builder.Property(r => r.Channel).HasMaxLength(32);
        builder.Property(r => r.ConversationId).HasMaxLength(128);
        builder.Property(r => r.ServiceUrl).HasMaxLength(512);
        builder.Property(r => r.BotId).HasMaxLength(128);
        builder.Property(r => r.BotName).HasMaxLength(128);
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.HasIndex(r => new { r.Channel, r.ConversationId }).IsUnique();
    }
}
