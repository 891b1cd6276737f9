using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> builder)
    {
        builder.Property(g => g.Code).HasMaxLength(64);
        builder.Property(g => g.Name).HasMaxLength(128);
        builder.Property(g => g.Path).HasMaxLength(512);
        builder.HasIndex(g => g.Code).IsUnique();
        builder.HasIndex(g => g.Path);
        builder.HasOne(g => g.Parent).WithMany().HasForeignKey(g => g.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
