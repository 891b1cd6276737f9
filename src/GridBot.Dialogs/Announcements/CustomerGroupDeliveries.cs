using GridBot.Store;
using GridBot.Store.CustomerGroups;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// An announcement's customer-group delivery, group by group, read from the truth: its wecom-customer-group outbox rows,
/// the owner tasks they made (sent once the owner confirmed, as get_groupmsg_task reports) and the recorded skips.
/// The same figures for the API, the console and 公告 回执.
/// </summary>
public sealed class CustomerGroupDeliveries(GridBotDbContext db)
{
    /// <summary>The groups the announcement's sends cover that are bound to <paramref name="scope"/>.</summary>
    public async Task<IReadOnlyList<CustomerGroupDelivery>> ForAsync(long announcementId, GridScope scope, CancellationToken cancellationToken)
    {
        var sends = await db.AnnouncementGroupSends.AsNoTracking().Where(s => s.AnnouncementId == announcementId)
            .Select(s => new { s.OutboxMessageId, s.Grid!.Path, s.OutboxMessage!.Status, s.OutboxMessage.LastError })
            .ToListAsync(cancellationToken);
        if (sends.Count == 0)
        {
            return [];
        }

        var rows = sends.Select(s => s.OutboxMessageId).ToList();
        var tasks = await db.GroupMessageTaskChats.AsNoTracking()
            .Join(db.GroupMessageTasks.AsNoTracking().Where(t => rows.Contains(t.OutboxMessageId)), c => c.TaskId, t => t.Id,
                (c, t) => new { t.OutboxMessageId, c.ChatId, t.Status, t.SentUtc })
            .ToListAsync(cancellationToken);
        var skips = await db.GroupMessageSkips.AsNoTracking().Where(s => rows.Contains(s.OutboxMessageId))
            .Select(s => new { s.OutboxMessageId, s.ChatId, s.Reason }).ToListAsync(cancellationToken);
        var groups = await db.CustomerGroups.AsNoTracking()
            .Join(db.Grids.AsNoTracking().InScope(scope), c => c.GridId, g => g.Id,
                (c, g) => new { c.ChatId, c.Name, c.OwnerUserId, c.Status, Grid = g.Name, g.Path })
            .OrderBy(c => c.Path).ThenBy(c => c.Name)
            .ToListAsync(cancellationToken);
        var taskOf = tasks.GroupBy(t => (t.OutboxMessageId, t.ChatId)).ToDictionary(g => g.Key, g => g.First());
        var skipOf = skips.GroupBy(s => (s.OutboxMessageId, s.ChatId)).ToDictionary(g => g.Key, g => g.First().Reason);

        var result = new List<CustomerGroupDelivery>();
        foreach (var group in groups)
        {
            var mine = sends.Where(s => GridScope.IsWithin(group.Path, s.Path)).ToList();
            var known = mine.Any(s => taskOf.ContainsKey((s.OutboxMessageId, group.ChatId)) || skipOf.ContainsKey((s.OutboxMessageId, group.ChatId)));
            // A group bound after the rows were sent, or one being taken over (status ≠ 0), was never part of them.
            if (mine.Count == 0 || (group.Status != 0 && !known) || (!known && mine.All(s => s.Status == OutboxStatus.Sent)))
            {
                continue;
            }

            var parts = mine.Select(s =>
                taskOf.TryGetValue((s.OutboxMessageId, group.ChatId), out var task)
                    ? (Stage: task.Status == GroupMessageStatus.Sent ? CustomerGroupStage.Sent : CustomerGroupStage.OwnerToConfirm, Reason: (string?)null, task.SentUtc)
                    : skipOf.TryGetValue((s.OutboxMessageId, group.ChatId), out var reason) ? (CustomerGroupStage.Skipped, reason, null)
                    : s.Status == OutboxStatus.Failed ? (CustomerGroupStage.Failed, s.LastError, null)
                    : (CustomerGroupStage.Waiting, null, null)).ToList();
            var worst = parts.MinBy(p => p.Stage);
            result.Add(new CustomerGroupDelivery(group.ChatId, group.Name, group.Grid, group.OwnerUserId, worst.Stage, worst.Reason,
                worst.Stage == CustomerGroupStage.Sent ? parts.Max(p => p.SentUtc) : null));
        }

        return result;
    }

    /// <summary>"客户群 12 个：已发送 8、待群主确认 3、已跳过 1（本月群发已达 30 次上限）" — empty when there are none.</summary>
    public static string Summary(IReadOnlyList<CustomerGroupDelivery> groups)
    {
        if (groups.Count == 0)
        {
            return "";
        }

        var counts = groups.GroupBy(g => g.Stage).OrderByDescending(g => g.Key).Select(g => $"{g.First().StageText} {g.Count()}");
        var reasons = groups.Where(g => g.Reason is not null).Select(g => g.Reason!).Distinct().Take(3).ToList();
        return $"客户群 {groups.Count} 个：{string.Join("、", counts)}" + (reasons.Count == 0 ? "" : $"（{string.Join("；", reasons)}）");
    }
}
