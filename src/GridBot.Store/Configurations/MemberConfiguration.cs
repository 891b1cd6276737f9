using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Channel).HasMaxLength(32);
        builder.Property(m => m.UserId).HasMaxLength(128);
        builder.Property(m => m.Name).HasMaxLength(64);
        builder.Property(m => m.Phone).HasMaxLength(32);
        builder.Property(m => m.IdNumber).HasMaxLength(32);
        builder.HasIndex(m => new { m.Channel, m.UserId, m.GridId }).IsUnique();
        builder.HasOne(m => m.Grid).WithMany().HasForeignKey(m => m.GridId).OnDelete(DeleteBehavior.Restrict);
    }
}
