using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class KfContactLinkConfiguration : IEntityTypeConfiguration<KfContactLink>
{
    public void Configure(EntityTypeBuilder<KfContactLink> builder)
    {
        builder.Property(l => l.OpenKfId).HasMaxLength(64);
        builder.Property(l => l.Url).HasMaxLength(2048);
        builder.HasIndex(l => new { l.OpenKfId, l.GridId }).IsUnique();
        builder.HasOne<Grids.Grid>().WithMany().HasForeignKey(l => l.GridId).OnDelete(DeleteBehavior.Cascade);
    }
}
