using GridBot.Store.CustomerGroups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class GroupMessageSkipConfiguration : IEntityTypeConfiguration<GroupMessageSkip>
{
    public void Configure(EntityTypeBuilder<GroupMessageSkip> builder)
    {
        builder.Property(s => s.ChatId).HasMaxLength(128);
        builder.Property(s => s.Reason).HasMaxLength(200);
        builder.HasIndex(s => s.OutboxMessageId);
    }
}
