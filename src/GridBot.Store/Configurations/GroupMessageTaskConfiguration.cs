using GridBot.Store.CustomerGroups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class GroupMessageTaskConfiguration : IEntityTypeConfiguration<GroupMessageTask>
{
    public void Configure(EntityTypeBuilder<GroupMessageTask> builder)
    {
        builder.Property(t => t.OwnerUserId).HasMaxLength(128);
        builder.Property(t => t.WeComMsgid).HasMaxLength(128);
        builder.Property(t => t.ReminderDay).HasMaxLength(10);
        builder.HasIndex(t => t.OutboxMessageId);
        builder.HasIndex(t => t.Status);
        builder.HasMany(t => t.Chats).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
