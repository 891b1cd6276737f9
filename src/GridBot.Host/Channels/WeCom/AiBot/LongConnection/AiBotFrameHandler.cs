using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Proactive;
using GridBot.Store;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// Answers the callbacks that arrive on the long connection. A message becomes the same Activity as in callback mode
/// (<see cref="AiBotActivityMapper"/>: msgid is the id, so dedup and identity are the core's) and its turn runs through
/// <see cref="BotAdapter"/>. The answer goes back on the same req_id as aibot_respond_msg stream frames, one at a time,
/// each after the previous one's ack: a closed stream when the turn is quick, else "正在处理" first and the answer
/// closing it. An answer WeCom did not acknowledge becomes an outbox row for the chat, so it is never lost.
/// </summary>
internal sealed partial class AiBotFrameHandler(
    BotAdapter adapter,
    IServiceScopeFactory scopes,
    IOptions<WeComOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<AiBotFrameHandler> logger)
{
    public async Task HandleMessageAsync(AiBotSocket socket, AiBotFrame frame, CancellationToken cancellationToken)
    {
        var callback = Read(frame);
        if (callback is null || callback.Msgtype is null or "" or "stream")
        {
            LogIgnored(logger, callback?.Msgid, callback?.Msgtype ?? "(unreadable body)");
            return;
        }

        var activity = AiBotActivityMapper.ToActivity(callback, time.GetUtcNow());
        if (activity is null)
        {
            LogIgnored(logger, callback.Msgid, callback.Msgtype);
            if (!string.IsNullOrEmpty(callback.Msgid))
            {
                await RespondAsync(socket, frame.ReqId, AiBotReply.ForStream(AiBotStreamId.For(callback.Msgid), true, AiBotTexts.Unreadable), callback.Msgid, cancellationToken);
            }

            return;
        }

        var streamId = AiBotStreamId.For(activity.Id!);

        // The turn must finish even if the connection drops meanwhile: it runs on the host's token.
        var turn = adapter.ProcessAsync(activity, repliesInResponse: true, lifetime.ApplicationStopping);
        var opened = false;
        if (await Task.WhenAny(turn, Task.Delay(options.Value.AiBot.ReplyBudget, time, cancellationToken)) != turn)
        {
            opened = await RespondAsync(socket, frame.ReqId, AiBotReply.ForStream(streamId, false, AiBotTexts.Working), activity.Id, cancellationToken);
        }

        var result = await turn;
        var answer = AiBotReplyText.Join(result.Replies);
        if (answer.Length == 0 && !opened)
        {
            return;
        }

        // Only after the previous frame's ack: replies for one req_id go strictly in order.
        var closing = AiBotReply.ForStream(streamId, true, answer.Length == 0 ? AiBotTexts.Working : answer);
        if (await RespondAsync(socket, frame.ReqId, closing, activity.Id, cancellationToken) || answer.Length == 0 || result.Duplicate)
        {
            // A duplicate's first turn owns the delivery: queueing again would say everything twice.
            return;
        }

        await QueueAsync(activity, answer);
    }

    public async Task HandleEventAsync(AiBotSocket socket, AiBotFrame frame, CancellationToken cancellationToken)
    {
        var callback = Read(frame);
        var eventType = callback?.Event?.Eventtype;
        LogEvent(logger, callback?.Msgid, eventType);
        if (eventType == "enter_chat")
        {
            // WeCom accepts the welcome only within 5 s of the event (WECOM.md §3.4): sent at once, never after a turn.
            await RespondAsync(socket, frame.ReqId, AiBotReply.ForText(AiBotTexts.Welcome), callback?.Msgid, cancellationToken, AiBotCommands.RespondWelcome);
        }

        // GridBot sends no interactive cards, so card clicks and feedback have nothing to answer.
    }

    private async Task<bool> RespondAsync(AiBotSocket socket, string reqId, AiBotReply reply, string? msgid, CancellationToken cancellationToken, string cmd = AiBotCommands.Respond)
    {
        var body = JsonSerializer.SerializeToNode(reply, WeComJson.Relaxed.AiBotReply);
        try
        {
            var ack = await socket.RequestAsync(cmd, reqId, body, options.Value.AiBot.LongConnection.AckTimeout, cancellationToken);
            if (ack.Errcode == 0)
            {
                return true;
            }

            LogRefused(logger, msgid, cmd, ack.Errcode);
            return false;
        }
        catch (AiBotNotAckedException ex)
        {
            LogNotAcked(logger, msgid, cmd, ex.Message);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task QueueAsync(Activity activity, string answer)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ProactiveMessenger>().Enqueue(AiBotActivityMapper.ChannelId, activity.Conversation!.Id!, null, answer);
            await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().SaveChangesAsync(lifetime.ApplicationStopping);
            LogQueued(logger, activity.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogQueueFailed(logger, ex, activity.Id);
        }
    }

    private AiBotCallback? Read(AiBotFrame frame)
    {
        if (frame.Body is not { } body)
        {
            return null;
        }

        try
        {
            return body.Deserialize(WeComJson.Default.AiBotCallback);
        }
        catch (JsonException)
        {
            LogBadBody(logger, frame.Cmd);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom AI bot (long connection) callback {Msgid} of type {Msgtype} carries nothing to answer")]
    private static partial void LogIgnored(ILogger logger, string? msgid, string? msgtype);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom AI bot (long connection) event {Msgid}: {EventType}")]
    private static partial void LogEvent(ILogger logger, string? msgid, string? eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI bot (long connection): {Cmd} for {Msgid} refused with errcode {Errcode}")]
    private static partial void LogRefused(ILogger logger, string? msgid, string cmd, int? errcode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI bot (long connection): {Cmd} for {Msgid} not acknowledged ({Why})")]
    private static partial void LogNotAcked(ILogger logger, string? msgid, string cmd, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom AI bot (long connection): the answer to {Msgid} was not acknowledged and goes to the outbox")]
    private static partial void LogQueued(ILogger logger, string? msgid);

    [LoggerMessage(Level = LogLevel.Error, Message = "WeCom AI bot (long connection): the answer to {Msgid} could not be queued")]
    private static partial void LogQueueFailed(ILogger logger, Exception exception, string? msgid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI bot (long connection): the body of a {Cmd} frame is not a callback")]
    private static partial void LogBadBody(ILogger logger, string? cmd);
}
