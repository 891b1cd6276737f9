using GridBot.Store.CustomerGroups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class GroupMessageTaskChatConfiguration : IEntityTypeConfiguration<GroupMessageTaskChat>
{
    public void Configure(EntityTypeBuilder<GroupMessageTaskChat> builder)
    {
        builder.Property(c => c.ChatId).HasMaxLength(128);
        builder.HasIndex(c => c.ChatId);
    }
}
