using GridBot.Store.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class AiBotLeaseConfiguration : IEntityTypeConfiguration<AiBotLease>
{
    public void Configure(EntityTypeBuilder<AiBotLease> builder)
    {
        builder.HasKey(l => l.BotId);
        builder.Property(l => l.BotId).HasMaxLength(128);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}
