using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Host.Configuration;
using GridBot.Store;
using GridBot.Store.BotFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.BotFramework;

/// <summary>
/// Keeps, per conversation and per person, what a proactive send on a Bot Framework channel needs, from every
/// authenticated activity (before its turn: a turn that fails still proves where the chat lives). Its own small write,
/// an update and, the first time, an insert; a race of two first activities ends in the same row.
/// </summary>
internal sealed class ConversationReferences(IServiceScopeFactory scopes, IOptions<BotFrameworkOptions> options, TimeProvider time)
{
    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!options.Value.IsAllowed(activity.ServiceUrl))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var channel = activity.ChannelId!;
        var conversationId = activity.Conversation!.Id!;
        var serviceUrl = activity.ServiceUrl!;
        var botId = Trim(activity.Recipient?.Id) ?? (options.Value.AuthenticationEnabled ? options.Value.MicrosoftAppId : "gridbot");
        var botName = Trim(activity.Recipient?.Name);
        var tenant = Trim(TenantOf(activity), 64);
        var isGroup = activity.Conversation.IsGroup == true || activity.Conversation.ConversationType is "groupChat" or "channel";
        var userId = activity.From!.Id!;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        await UpsertAsync(
            () => db.BotFrameworkConversations.Where(r => r.Channel == channel && r.ConversationId == conversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ServiceUrl, serviceUrl).SetProperty(r => r.BotId, botId)
                    .SetProperty(r => r.BotName, botName).SetProperty(r => r.TenantId, tenant)
                    .SetProperty(r => r.IsGroup, isGroup).SetProperty(r => r.LastSeenUtc, now), cancellationToken),
            () => db.BotFrameworkConversations.Add(new ConversationReference
            {
                Channel = channel, ConversationId = conversationId, ServiceUrl = serviceUrl, BotId = botId, BotName = botName,
                TenantId = tenant, IsGroup = isGroup, LastSeenUtc = now,
            }),
            db, cancellationToken);

        var members = db.BotFrameworkMembers.Where(r => r.Channel == channel && r.UserId == userId);
        await UpsertAsync(
            // In a group the person's private conversation (if one was seen) stays what it was.
            () => isGroup
                ? members.ExecuteUpdateAsync(s => s.SetProperty(r => r.ServiceUrl, serviceUrl).SetProperty(r => r.BotId, botId)
                    .SetProperty(r => r.TenantId, tenant).SetProperty(r => r.LastSeenUtc, now), cancellationToken)
                : members.ExecuteUpdateAsync(s => s.SetProperty(r => r.ServiceUrl, serviceUrl).SetProperty(r => r.BotId, botId)
                    .SetProperty(r => r.TenantId, tenant).SetProperty(r => r.PrivateConversationId, conversationId)
                    .SetProperty(r => r.LastSeenUtc, now), cancellationToken),
            () => db.BotFrameworkMembers.Add(new MemberReference
            {
                Channel = channel, UserId = userId, ServiceUrl = serviceUrl, BotId = botId, TenantId = tenant,
                PrivateConversationId = isGroup ? null : conversationId, LastSeenUtc = now,
            }),
            db, cancellationToken);
    }

    /// <summary>
    /// The reference for a row's conversation; a row addressed to a person rather than a conversation (a user id) goes
    /// to that person's private conversation when one was seen.
    /// </summary>
    public async Task<ConversationReference?> FindAsync(string channel, string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var reference = await db.BotFrameworkConversations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Channel == channel && r.ConversationId == conversationId, cancellationToken);
        if (reference is not null)
        {
            return reference;
        }

        var privateChat = await db.BotFrameworkMembers.AsNoTracking()
            .Where(r => r.Channel == channel && r.UserId == conversationId && r.PrivateConversationId != null)
            .Select(r => r.PrivateConversationId).FirstOrDefaultAsync(cancellationToken);
        return privateChat is null
            ? null
            : await db.BotFrameworkConversations.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Channel == channel && r.ConversationId == privateChat, cancellationToken);
    }

    private static async Task UpsertAsync(Func<Task<int>> update, Action add, GridBotDbContext db, CancellationToken cancellationToken)
    {
        if (await update() > 0)
        {
            return;
        }

        add();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request inserted the same key between our update and insert: its row is there, update it.
            db.ChangeTracker.Clear();
            await update();
        }
    }

    /// <summary>Teams puts the tenant in channelData.tenant.id; other channels in conversation.tenantId.</summary>
    private static string? TenantOf(Activity activity)
    {
        if (activity.Conversation?.TenantId is { Length: > 0 } tenant)
        {
            return tenant;
        }

        return activity.ChannelData is { ValueKind: JsonValueKind.Object } data &&
            data.TryGetProperty("tenant", out var t) && t.ValueKind == JsonValueKind.Object &&
            t.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }

    private static string? Trim(string? value, int max = 128) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length > max ? value[..max] : value;
}
