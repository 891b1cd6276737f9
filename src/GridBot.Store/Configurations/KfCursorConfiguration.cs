using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class KfCursorConfiguration : IEntityTypeConfiguration<KfCursor>
{
    public void Configure(EntityTypeBuilder<KfCursor> builder)
    {
        builder.HasKey(c => c.OpenKfId);
        builder.Property(c => c.OpenKfId).HasMaxLength(64);

        // WeCom: next_cursor is at most 64 bytes; room is left in case that grows.
        builder.Property(c => c.Cursor).HasMaxLength(256);
    }
}
