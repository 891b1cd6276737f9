using GridBot.Store.StaffConsole;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class ConsoleSignInLinkConfiguration : IEntityTypeConfiguration<ConsoleSignInLink>
{
    public void Configure(EntityTypeBuilder<ConsoleSignInLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.Channel).HasMaxLength(32);
        builder.Property(l => l.UserId).HasMaxLength(128);
        builder.HasIndex(l => l.TokenHash).IsUnique();
    }
}
