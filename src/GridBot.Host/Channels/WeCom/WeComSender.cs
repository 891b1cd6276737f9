using GridBot.Dialogs.Texts;
using GridBot.Host.Channels.WeCom.AiBot.LongConnection;
using GridBot.Host.Channels.WeCom.App;
using GridBot.Host.Channels.WeCom.Webhook;
using GridBot.Host.Outbox;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom;

/// <summary>
/// Outbox messages of channel "wecom" take the route WeCom allows for their conversation: a bound group through its
/// robot (消息推送; short text as text with its mentions as mentioned_list, long text and markdown rows as markdown cut
/// at whole lines with "…另有 N 条", image rows as images), a person (a private
/// chat's conversation is the userid) through the self-built app's message/send; with the AI bot on the long
/// connection, a group without a robot (or a person when there is no app) gets the row by aibot_send_msg. The robot keys
/// of a claim's rows are read together when they are claimed (<see cref="PrepareAsync"/>, one query instead of one per
/// send, held by the claim's sends and not here), milliseconds before the send, so a key fixed by a re-import serves
/// messages already waiting; a robot refused
/// for good is reported to the group's leaders (<see cref="DeadRobotNotifier"/>).
/// </summary>
internal sealed class WeComSender(IServiceScopeFactory scopes, WeComWebhookClient webhooks, WeComAppClient app, DeadRobotNotifier deadRobots, AiBotPush aibot) : IChannelSender
{
    public string Channel => WeComWebhookKey.Channel;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        await SendAsync(message, (await RoutesAsync([message.ConversationId], cancellationToken))[0], cancellationToken);

    /// <returns>The claim's routes, by row id; the dispatcher drops them with the claim's sends, whatever their outcome.</returns>
    public async Task<IOutboxRowSender> PrepareAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var routes = await RoutesAsync([.. messages.Select(m => m.ConversationId)], cancellationToken);
        var byRow = new Dictionary<long, Route>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            byRow[messages[i].Id] = routes[i];
        }

        return new PreparedRoutes(this, byRow);
    }

    private async Task<SendOutcome> SendAsync(OutboxMessage message, Route chat, CancellationToken cancellationToken)
    {
        if (chat.IsGroup)
        {
            if (chat.Key is null)
            {
                // A robot has its own limit and suits mass fan-out; without one the AI bot pushes into the group it is in.
                return aibot.IsEnabled
                    ? await aibot.SendAsync(message, cancellationToken)
                    : new SendOutcome.Permanent("the group has no robot: import the chat with its webhookKey");
            }

            if (ToRobotMessage(message) is not { } robotMessage)
            {
                return new SendOutcome.Permanent("the image is not a PNG or JPEG of at most 2 MB");
            }

            var outcome = await webhooks.SendAsync(chat.Key, robotMessage, cancellationToken);
            if (outcome is SendOutcome.Permanent { Reason: var reason })
            {
                await deadRobots.NotifyAsync(message.ConversationId, chat.Key, reason, cancellationToken);
            }

            return outcome;
        }

        if (app.IsConfigured)
        {
            return await app.SendTextAsync(message.ConversationId, message.Text, cancellationToken);
        }

        return aibot.IsEnabled
            ? await aibot.SendAsync(message, cancellationToken)
            : new SendOutcome.Permanent("a private WeCom chat needs WeCom:App to be configured (message/send)");
    }

    /// <summary>Whether each conversation is a group and its robot key, in the order given.</summary>
    private async Task<Route[]> RoutesAsync(string[] conversationIds, CancellationToken cancellationToken)
    {
        var distinct = conversationIds.Distinct(StringComparer.Ordinal).ToList();
        Dictionary<string, string?> groups;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // An anonymous projection, not a tuple: Npgsql cannot read a row value (record) as a ValueTuple.
            groups = await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().Chats.AsNoTracking()
                .Where(c => c.Channel == WeComWebhookKey.Channel && distinct.Contains(c.ChatId))
                .Select(c => new { c.ChatId, c.WebhookKey })
                .ToDictionaryAsync(c => c.ChatId, c => c.WebhookKey, StringComparer.Ordinal, cancellationToken);
        }

        return [.. conversationIds.Select(id => groups.TryGetValue(id, out var key) ? new Route(true, key) : new Route(false, null))];
    }

    private static WeComWebhookMessage? ToRobotMessage(OutboxMessage message)
    {
        var mentions = OutboxMentions.Split(message.Mentions);
        return message.Format switch
        {
            OutboxFormat.Image => message.Payload is { } image ? WeComWebhookMessage.ForImage(image) : null,
            OutboxFormat.Text when Utf8Text.ByteCount(message.Text) <= WeComWebhookMessage.MaxTextBytes => WeComWebhookMessage.ForText(message.Text, mentions),
            _ => WeComWebhookMessage.ForMarkdown(MarkdownLines(message.Text, mentions)),
        };
    }

    // Markdown has no mentioned_list: it names people inline as <@userid> (WECOM.md §4), first so a cut tail keeps them.
    // "@all" exists only for text messages.
    private static List<string> MarkdownLines(string text, IReadOnlyList<string> mentions)
    {
        var named = mentions.Where(m => m != "@all").Select(m => $"<@{m}>").ToList();
        return named.Count == 0 ? [.. text.Split('\n')] : [string.Join(' ', named), .. text.Split('\n')];
    }

    private readonly record struct Route(bool IsGroup, string? Key);

    /// <summary>The routes read for one claim's rows; a row it was not prepared for is looked up on its own.</summary>
    private sealed class PreparedRoutes(WeComSender sender, Dictionary<long, Route> routes) : IOutboxRowSender
    {
        public Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            routes.TryGetValue(message.Id, out var route) ? sender.SendAsync(message, route, cancellationToken) : sender.SendAsync(message, cancellationToken);
    }
}
