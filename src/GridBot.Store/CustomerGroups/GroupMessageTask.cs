namespace GridBot.Store.CustomerGroups;

/// <summary>
/// One add_msg_template task: an owner's share of a mass-send to customer groups (≤ 2000 groups per task), followed
/// until the owner confirms it; the owner is reminded through the app at most 3 times a day.
/// </summary>
public sealed class GroupMessageTask
{
    public const int MaxChatsPerTask = 2000;
    public const int MaxRemindersPerDay = 3;

    public long Id { get; set; }

    /// <summary>The outbox row (channel wecom-customer-group) this task carries: a retried row finds its tasks here.</summary>
    public long OutboxMessageId { get; set; }

    public required string OwnerUserId { get; set; }

    /// <summary>add_msg_template's msgid, the key of get_groupmsg_task.</summary>
    public required string WeComMsgid { get; set; }

    public GroupMessageStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }

    /// <summary>The Beijing day <see cref="RemindersOnDay"/> counts for ("2026-11-23").</summary>
    public string? ReminderDay { get; set; }

    public int RemindersOnDay { get; set; }
    public DateTime? LastReminderUtc { get; set; }
    public List<GroupMessageTaskChat> Chats { get; } = [];
}
