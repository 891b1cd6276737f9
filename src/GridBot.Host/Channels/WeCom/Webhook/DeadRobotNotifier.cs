using GridBot.Dialogs.Proactive;
using GridBot.Store;
using GridBot.Store.Coordination;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>
/// A robot WeCom refuses for good (93000: deleted, or a wrong key) silences its group until someone imports a new key,
/// so the group's leaders are told privately — through the app, never through the dead robot — at most once an hour
/// per robot (claimed like a nonce, so several hosts do not all tell them).
/// </summary>
internal sealed partial class DeadRobotNotifier(IServiceScopeFactory scopes, IReplayGuard once, ILogger<DeadRobotNotifier> logger)
{
    private static readonly TimeSpan QuietFor = TimeSpan.FromHours(1);

    public async Task NotifyAsync(string chatId, string key, string reason, CancellationToken cancellationToken)
    {
        var robot = WeComWebhookKey.Fingerprint(key);
        LogDead(logger, chatId, robot, reason);
        if (!await once.TryClaimAsync($"wecom:dead-robot:{robot}", QuietFor, cancellationToken))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var chat = await db.Chats.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Channel == WeComWebhookKey.Channel && c.ChatId == chatId, cancellationToken);
        if (chat is null)
        {
            return;
        }

        var leaders = await db.Members.AsNoTracking()
            .Where(m => m.Channel == WeComWebhookKey.Channel && m.GridId == chat.GridId && m.Role >= MemberRole.Leader)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
        var messenger = scope.ServiceProvider.GetRequiredService<ProactiveMessenger>();
        foreach (var leader in leaders)
        {
            messenger.Enqueue(WeComWebhookKey.Channel, leader, null,
                $"提醒：群“{chat.Name}”的群机器人已无法发送消息（{reason}），GridBot 发往该群的通知暂时送不到。" +
                "请在群设置中重新添加群机器人，并把新的机器人地址（webhookKey）重新导入。");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom group robot {Robot} of chat {ChatId} refused a message for good ({Reason}); its leaders are told")]
    private static partial void LogDead(ILogger logger, string chatId, string robot, string reason);
}
