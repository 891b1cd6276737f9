using GridBot.Store.CustomerGroups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class CustomerGroupConfiguration : IEntityTypeConfiguration<CustomerGroup>
{
    public void Configure(EntityTypeBuilder<CustomerGroup> builder)
    {
        builder.Property(g => g.ChatId).HasMaxLength(128);
        builder.Property(g => g.Name).HasMaxLength(128);
        builder.Property(g => g.OwnerUserId).HasMaxLength(128);

        // A re-run updates the row it finds by chat_id: never a second one.
        builder.HasIndex(g => g.ChatId).IsUnique();
        builder.HasIndex(g => g.GridId);
        builder.HasOne<Grids.Grid>().WithMany().HasForeignKey(g => g.GridId).OnDelete(DeleteBehavior.SetNull);
    }
}
