using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class KfSessionConfiguration : IEntityTypeConfiguration<KfSession>
{
    public void Configure(EntityTypeBuilder<KfSession> builder)
    {
        builder.Property(s => s.OpenKfId).HasMaxLength(64);
        builder.Property(s => s.ExternalUserId).HasMaxLength(128);
        builder.Property(s => s.Scene).HasMaxLength(32);
        builder.Property(s => s.ServicerUserId).HasMaxLength(128);
        builder.Ignore(s => s.ConversationId);
        builder.HasIndex(s => new { s.OpenKfId, s.ExternalUserId }).IsUnique();
        builder.HasOne<Grids.Grid>().WithMany().HasForeignKey(s => s.GridId).OnDelete(DeleteBehavior.SetNull);
    }
}
