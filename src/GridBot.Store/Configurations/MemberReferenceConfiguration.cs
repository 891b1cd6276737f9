using GridBot.Store.BotFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class MemberReferenceConfiguration : IEntityTypeConfiguration<MemberReference>
{
    public void Configure(EntityTypeBuilder<MemberReference> builder)
    {
        builder.ToTable("BotFrameworkMemberReferences");
        builder.Property(r => r.Channel).HasMaxLength(32);
        builder.Property(r => r.UserId).HasMaxLength(128);
        builder.Property(r => r.ServiceUrl).HasMaxLength(512);
        builder.Property(r => r.BotId).HasMaxLength(128);
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.Property(r => r.PrivateConversationId).HasMaxLength(128);
        builder.HasIndex(r => new { r.Channel, r.UserId }).IsUnique();
    }
}
