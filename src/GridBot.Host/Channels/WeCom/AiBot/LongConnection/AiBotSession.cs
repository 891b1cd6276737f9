using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// One connection from dial to close: aibot_subscribe with BotId and Secret, a ping every heartbeat (two unanswered
/// pings mean the connection is dead, as in Tencent's client), and the read loop. Callbacks are handled off the read
/// loop so a slow turn never delays acks; hostile frames (not JSON, no req_id, too large, unknown cmd, an ack nobody
/// waits for) are logged and skipped.
/// </summary>
internal sealed partial class AiBotSession(
    AiBotFrameHandler handler,
    AiBotConnectionStatus status,
    IOptions<WeComOptions> options,
    ILogger<AiBotSession> logger)
{
    private const int MaxMissedPings = 2;

    public async Task<AiBotSessionEnd> RunAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value.AiBot;
        var settings = bot.LongConnection;
        AiBotSocket socket;
        try
        {
            socket = await AiBotSocket.ConnectAsync(new Uri(settings.Url), settings.MaxFrameBytes, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
        {
            LogUnreachable(logger, ex.GetType().Name);
            return AiBotSessionEnd.Unreachable;
        }
        catch (OperationCanceledException)
        {
            return AiBotSessionEnd.Stopped;
        }

        using (socket)
        {
            using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                var reading = ReadAsync(socket, session.Token);
                var subscribeId = AiBotCommands.NewReqId(AiBotCommands.Subscribe);
                var subscribe = new JsonObject { ["bot_id"] = bot.BotId, ["secret"] = bot.Secret };
                AiBotFrame ack;
                try
                {
                    ack = await socket.RequestAsync(AiBotCommands.Subscribe, subscribeId, subscribe, settings.AckTimeout, session.Token);
                }
                catch (AiBotNotAckedException)
                {
                    await EndAsync(socket, session, reading);
                    return cancellationToken.IsCancellationRequested ? AiBotSessionEnd.Stopped : AiBotSessionEnd.Refused;
                }

                if (ack.Errcode != 0)
                {
                    LogRefused(logger, ack.Errcode);
                    await EndAsync(socket, session, reading);
                    return AiBotSessionEnd.Refused;
                }

                status.Connected(socket);
                var beating = HeartbeatAsync(socket, session.Token);
                var end = await reading;
                await EndAsync(socket, session, beating);
                return cancellationToken.IsCancellationRequested ? AiBotSessionEnd.Stopped : end;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await socket.CloseAsync(CancellationToken.None);
                return AiBotSessionEnd.Stopped;
            }
        }
    }

    private static async Task EndAsync(AiBotSocket socket, CancellationTokenSource session, Task running)
    {
        await session.CancelAsync();
        await socket.CloseAsync(CancellationToken.None);
        await running;
    }

    private async Task<AiBotSessionEnd> ReadAsync(AiBotSocket socket, CancellationToken cancellationToken)
    {
        // Yield first: the caller sends the subscribe while this loop already waits for its ack.
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            AiBotSocket.Received? received;
            try
            {
                received = await socket.ReceiveAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return AiBotSessionEnd.Stopped;
            }

            if (received is null)
            {
                socket.Abort();
                return AiBotSessionEnd.Dropped;
            }

            if (received.Utf8 is null)
            {
                LogOversized(logger, options.Value.AiBot.LongConnection.MaxFrameBytes);
                continue;
            }

            var frame = AiBotFrame.Parse(received.Utf8);
            if (frame is null)
            {
                LogMalformed(logger, received.Utf8.Length);
                continue;
            }

            switch (frame.Cmd)
            {
                case null:
                    if (!socket.CompleteAck(frame))
                    {
                        LogUnknownAck(logger, frame.Errcode);
                    }

                    break;
                case AiBotCommands.MessageCallback:
                    _ = Guard(handler.HandleMessageAsync(socket, frame, cancellationToken));
                    break;
                case AiBotCommands.EventCallback when IsDisconnected(frame):
                    LogKicked(logger);
                    socket.Abort();
                    return AiBotSessionEnd.Kicked;
                case AiBotCommands.EventCallback:
                    _ = Guard(handler.HandleEventAsync(socket, frame, cancellationToken));
                    break;
                default:
                    LogUnknownCmd(logger, frame.Cmd.Length > 64 ? frame.Cmd[..64] : frame.Cmd);
                    break;
            }
        }

        return AiBotSessionEnd.Stopped;
    }

    private async Task HeartbeatAsync(AiBotSocket socket, CancellationToken cancellationToken)
    {
        var settings = options.Value.AiBot.LongConnection;
        var missed = 0;
        try
        {
            while (true)
            {
                await Task.Delay(settings.HeartbeatInterval, cancellationToken);
                try
                {
                    var ack = await socket.RequestAsync(AiBotCommands.Ping, AiBotCommands.NewReqId(AiBotCommands.Ping), null,
                        settings.HeartbeatInterval < settings.AckTimeout ? settings.HeartbeatInterval : settings.AckTimeout, cancellationToken);
                    missed = ack.Errcode == 0 ? 0 : missed + 1;
                }
                catch (AiBotNotAckedException)
                {
                    missed++;
                }

                if (missed >= MaxMissedPings)
                {
                    LogDead(logger, missed);
                    socket.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }

    private static bool IsDisconnected(AiBotFrame frame) =>
        frame.Body is { } body && body.TryGetProperty("event", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.Object
        && e.TryGetProperty("eventtype", out var type) && type.ValueKind == System.Text.Json.JsonValueKind.String
        && type.GetString() == AiBotCommands.DisconnectedEvent;

    private async Task Guard(Task handling)
    {
        try
        {
            await handling;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WeCom AI bot long connection: WeCom not reachable ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "WeCom AI bot long connection: subscribe refused with errcode {Errcode}: check WeCom:AiBot:BotId and WeCom:AiBot:Secret")]
    private static partial void LogRefused(ILogger logger, int? errcode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI bot long connection: a frame over {Limit} bytes was dropped unread")]
    private static partial void LogOversized(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI bot long connection: a frame of {Length} bytes is not a frame (no JSON object with headers.req_id); skipped")]
    private static partial void LogMalformed(ILogger logger, int length);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WeCom AI bot long connection: an ack (errcode {Errcode}) for a req_id nobody waits for; skipped")]
    private static partial void LogUnknownAck(ILogger logger, int? errcode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI bot long connection: unknown cmd {Cmd}; skipped")]
    private static partial void LogUnknownCmd(ILogger logger, string cmd);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI bot long connection: disconnected_event, another connection subscribed with this bot")]
    private static partial void LogKicked(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI bot long connection: {Missed} heartbeats unanswered, the connection is dead")]
    private static partial void LogDead(ILogger logger, int missed);

    [LoggerMessage(Level = LogLevel.Error, Message = "WeCom AI bot long connection: a callback's handling failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
