using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Inbox;
using GridBot.Store.Conversations;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.AiBot;

/// <summary>
/// Answers one decrypted 智能机器人 callback. A message becomes a turn; if the turn finishes within
/// <see cref="WeComAiBotOptions.ReplyBudget"/> its answer is the passive stream reply, otherwise the message is recorded in
/// the inbox, the reply is a short "正在处理" stream and the answer follows through response_url from the outbox. msgid is the turn's id, so a
/// WeCom retry is answered from the first turn's stored replies and never files a second ticket.
/// </summary>
internal sealed partial class AiBotCallbackHandler(
    BotAdapter adapter,
    TurnInbox inbox,
    IServiceScopeFactory scopes,
    IOptions<WeComOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<AiBotCallbackHandler> logger)
{
    /// <returns>The reply to encrypt, or null for an empty 200 (nothing to say).</returns>
    public async Task<AiBotReply?> HandleAsync(AiBotCallback callback, CancellationToken cancellationToken)
    {
        switch (callback.Msgtype)
        {
            case "stream":
                return await RefreshAsync(callback, cancellationToken);
            case "event":
                return OnEvent(callback);
            case null or "":
                LogIgnored(logger, callback.Msgid, "(none)");
                return null;
        }

        var activity = AiBotActivityMapper.ToActivity(callback, time.GetUtcNow());
        if (activity is null)
        {
            LogIgnored(logger, callback.Msgid, callback.Msgtype);
            return string.IsNullOrEmpty(callback.Msgid) ? null : AiBotReply.ForStream(AiBotStreamId.For(callback.Msgid), true, AiBotTexts.Unreadable);
        }

        var streamId = AiBotStreamId.For(activity.Id!);
        var lateRoute = IsWeComUrl(callback.ResponseUrl)
            ? new LateReplyRoute(AiBotResponseSender.ChannelName, activity.Conversation!.Id!, callback.ResponseUrl)
            : null;
        var delivery = TurnDelivery.InResponseUnlessLate(lateRoute);

        // The turn must outlive this request when it misses the budget, so it runs on the host's token, not the request's.
        var turn = adapter.ProcessAsync(activity, delivery, lifetime.ApplicationStopping);
        var budget = Task.Delay(options.Value.AiBot.ReplyBudget, time, cancellationToken);
        if (await Task.WhenAny(turn, budget) == turn || !delivery.StopWaiting())
        {
            // Finished in time, or already committing with its answer in this response: wait for it.
            var result = await turn;
            return result.Replies.Count == 0 ? null : AiBotReply.ForStream(streamId, true, AiBotReplyText.Join(result.Replies));
        }

        // Late: the message is recorded before WeCom hears "正在处理" (a refused write throws: 503, WeCom retries), and
        // the turn writes its answer as an outbox row (response_url) in its own commit; a crash before that commit
        // leaves the inbox row, which is run again on restart.
        await inbox.AcceptAsync(activity, lateRoute, cancellationToken);
        if (lateRoute is null)
        {
            LogNoResponseUrl(logger, activity.Id);
        }

        return AiBotReply.ForStream(streamId, true, AiBotTexts.Working);
    }

    /// <summary>
    /// WeCom polls an unfinished stream. GridBot closes every stream in its first reply, so a refresh only comes
    /// after a lost reply: answer with the turn's stored replies, or "still working" while the turn runs.
    /// </summary>
    private async Task<AiBotReply?> RefreshAsync(AiBotCallback callback, CancellationToken cancellationToken)
    {
        var streamId = callback.Stream?.Id;
        var msgid = AiBotStreamId.MsgidOf(streamId);
        if (msgid is null)
        {
            LogIgnored(logger, callback.Msgid, "stream (unknown id)");
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var json = await scope.ServiceProvider.GetRequiredService<ActivityDedup>()
            .FindRepliesAsync(ActivityDedup.Key(AiBotActivityMapper.ChannelId, msgid), cancellationToken);

        if (json is null)
        {
            return AiBotReply.ForStream(streamId!, false, AiBotTexts.StillWorking);
        }

        var replies = JsonSerializer.Deserialize(json, ActivityJson.Default.ListActivity) ?? [];
        return AiBotReply.ForStream(streamId!, true, AiBotReplyText.Join(replies));
    }

    private AiBotReply? OnEvent(AiBotCallback callback)
    {
        var eventType = callback.Event?.Eventtype;
        LogEvent(logger, callback.Msgid, eventType);
        return eventType switch
        {
            "enter_chat" => AiBotReply.ForText(AiBotTexts.Welcome),

            // GridBot sends no interactive cards, so a card click has nothing to update: acknowledged with an empty body.
            _ => null,
        };
    }

    private bool IsWeComUrl(string? url)
    {
        // response_url comes from an authenticated callback, but it is still an address GridBot will POST to:
        // only WeCom's own API host is accepted (SSRF).
        var api = options.Value.ApiBase;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == api.Scheme
            && string.Equals(uri.Authority, api.Authority, StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom AI bot callback {Msgid} of type {Msgtype} carries nothing to answer")]
    private static partial void LogIgnored(ILogger logger, string? msgid, string? msgtype);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom AI bot event {Msgid}: {EventType}")]
    private static partial void LogEvent(ILogger logger, string? msgid, string? eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI bot message {Msgid} missed the reply budget and has no usable response_url; its answer stays in the turn's record")]
    private static partial void LogNoResponseUrl(ILogger logger, string? msgid);
}
