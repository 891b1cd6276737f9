using System.Globalization;
using GridBot.Dialogs.Time;
using GridBot.Host.Channels.WeCom.Webhook;
using GridBot.Store;
using GridBot.Store.CustomerGroups;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.CustomerGroups;

/// <summary>
/// Follows the mass-send tasks owners have not confirmed (get_groupmsg_task): a confirmed one is marked sent; an owner
/// still sitting on one gets an app message, at most 3 a Beijing day and not more often than the interval, written to
/// the outbox with the task's new reminder count in one transaction.
/// </summary>
internal sealed partial class GroupMessageFollower(GridBotDbContext db, CustomerGroupClient client, ShanghaiTime clock, ILogger<GroupMessageFollower> logger)
{
    /// <summary>Reminders are spread over the working day instead of three in the first half hour.</summary>
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromHours(2);

    /// <returns>How many reminders were written.</returns>
    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var waiting = await db.GroupMessageTasks.Where(t => t.Status == GroupMessageStatus.WaitingForOwner).Include(t => t.Chats).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.ToLocal(nowUtc)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reminders = 0;
        foreach (var task in waiting)
        {
            var answer = await client.GetTaskAsync(task.WeComMsgid, cancellationToken);
            if (answer.Errcode != 0)
            {
                LogFollowRefused(logger, task.Id, answer.Errcode);
                continue;
            }

            if (answer.TaskList.FirstOrDefault(s => s.Userid == task.OwnerUserId) is { Status: GroupMsgSenderState.Sent } sent)
            {
                task.Status = GroupMessageStatus.Sent;
                task.SentUtc = sent.SendTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(sent.SendTime).UtcDateTime : nowUtc;
                continue;
            }

            if (task.ReminderDay != today)
            {
                task.ReminderDay = today;
                task.RemindersOnDay = 0;
            }

            if (task.RemindersOnDay >= GroupMessageTask.MaxRemindersPerDay || nowUtc - (task.LastReminderUtc ?? DateTime.MinValue) < ReminderInterval)
            {
                continue;
            }

            task.RemindersOnDay++;
            task.LastReminderUtc = nowUtc;
            db.Outbox.Enqueue(WeComWebhookKey.Channel, task.OwnerUserId,
                $"【群发提醒】您有一条发往 {task.Chats.Count} 个客户群的公告还没有确认发送，请在企业微信「客户联系 → 群发助手」中确认。"
                    + $"（{clock.Format(task.CreatedUtc)} 创建，今天第 {task.RemindersOnDay} 次提醒，每天最多 {GroupMessageTask.MaxRemindersPerDay} 次）",
                nowUtc);
            reminders++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return reminders;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "get_groupmsg_task for task {TaskId} refused with errcode {Errcode}")]
    private static partial void LogFollowRefused(ILogger logger, long taskId, int errcode);
}
