using GridBot.Dialogs.Time;
using GridBot.Host.Outbox;
using GridBot.Store;
using GridBot.Store.CustomerGroups;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.CustomerGroups;

/// <summary>
/// Outbox rows of channel wecom-customer-group: the row's conversation is a grid code, and the text goes to every
/// customer group bound in that grid's subtree as add_msg_template tasks, one per owner and 2000 groups. A group that
/// has had its monthly share (WeCom's default: as many as the month has days) is skipped and the skip recorded with
/// its reason, as are groups WeCom lists in fail_list. A row retried after a crash finds the owners it already made
/// tasks for and does not make them twice.
/// </summary>
internal sealed class CustomerGroupSender(IServiceScopeFactory scopes, CustomerGroupClient client, TimeProvider time) : IChannelSender
{
    public const string ChannelName = CustomerGroup.OutboxChannel;

    public string Channel => ChannelName;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<ShanghaiTime>();
        var path = await db.Grids.AsNoTracking().Where(g => g.Code == message.ConversationId).Select(g => g.Path).FirstOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return new SendOutcome.Permanent($"no grid with code '{message.ConversationId}'");
        }

        var grids = db.Grids.InScope(new GridScope(message.ConversationId, path));
        var groups = await db.CustomerGroups.AsNoTracking()
            .Where(g => g.Status == 0 && grids.Any(x => x.Id == g.GridId))
            .Select(g => new { g.ChatId, g.OwnerUserId })
            .ToListAsync(cancellationToken);
        var done = await db.GroupMessageTasks.AsNoTracking().Where(t => t.OutboxMessageId == message.Id).Select(t => t.OwnerUserId).ToListAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var monthStart = MonthStartUtc(clock, now);
        var cap = DateTime.DaysInMonth(clock.ToLocal(now).Year, clock.ToLocal(now).Month);
        var chatIds = groups.Select(g => g.ChatId).ToList();
        var sentThisMonth = await db.GroupMessageTaskChats.AsNoTracking()
            .Where(c => chatIds.Contains(c.ChatId) && db.GroupMessageTasks.Any(t => t.Id == c.TaskId && t.CreatedUtc >= monthStart && t.OutboxMessageId != message.Id))
            .GroupBy(c => c.ChatId)
            .Select(g => new { ChatId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ChatId, g => g.Count, cancellationToken);

        var skipped = 0;
        foreach (var owner in groups.Where(g => !done.Contains(g.OwnerUserId)).GroupBy(g => g.OwnerUserId))
        {
            var allowed = new List<string>();
            foreach (var group in owner)
            {
                if (sentThisMonth.GetValueOrDefault(group.ChatId) >= cap)
                {
                    Skip(db, message.Id, group.ChatId, $"本月群发已达 {cap} 次上限", now);
                    skipped++;
                }
                else
                {
                    allowed.Add(group.ChatId);
                }
            }

            foreach (var chunk in allowed.Chunk(GroupMessageTask.MaxChatsPerTask))
            {
                var answer = await client.AddMsgTemplateAsync(new AddMsgTemplateRequest
                {
                    Sender = owner.Key, ChatIdList = [.. chunk], Text = new TemplateText { Content = message.Text },
                }, cancellationToken);
                if (answer is not { Errcode: 0, Msgid.Length: > 0 })
                {
                    foreach (var chatId in chunk)
                    {
                        Skip(db, message.Id, chatId, $"add_msg_template errcode {answer.Errcode}", now);
                    }

                    skipped += chunk.Length;
                    continue;
                }

                var task = new GroupMessageTask { OutboxMessageId = message.Id, OwnerUserId = owner.Key, WeComMsgid = answer.Msgid, CreatedUtc = now };
                foreach (var chatId in chunk)
                {
                    if (answer.FailList.Contains(chatId))
                    {
                        Skip(db, message.Id, chatId, "企业微信拒绝（fail_list）", now);
                        skipped++;
                    }
                    else
                    {
                        task.Chats.Add(new GroupMessageTaskChat { ChatId = chatId });
                    }
                }

                db.GroupMessageTasks.Add(task);
            }

            // Saved per owner: a crash after this point does not make this owner's task again.
            await db.SaveChangesAsync(cancellationToken);
        }

        return groups.Count == 0
            ? new SendOutcome.Permanent("no customer group is bound in this grid: run wecom sync-groups")
            : skipped == groups.Count ? new SendOutcome.Permanent($"every one of {skipped} groups was skipped (see GroupMessageSkips)") : SendOutcome.Sent;
    }

    private static void Skip(GridBotDbContext db, long outboxId, string chatId, string reason, DateTime now) =>
        db.GroupMessageSkips.Add(new GroupMessageSkip { OutboxMessageId = outboxId, ChatId = chatId, Reason = reason, AtUtc = now });

    /// <summary>The cap counts Beijing calendar months.</summary>
    private static DateTime MonthStartUtc(ShanghaiTime clock, DateTime nowUtc)
    {
        var local = clock.ToLocal(nowUtc);
        return clock.StartOfDayUtc(new DateOnly(local.Year, local.Month, 1));
    }
}
