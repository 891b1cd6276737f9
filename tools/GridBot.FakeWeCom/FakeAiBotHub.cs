using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridBot.FakeWeCom;

/// <summary>
/// The fake WeCom long-connection server (WECOM.md §3.8): checks aibot_subscribe's bot_id and secret, acks every
/// frame by req_id, kicks the older of two subscribed connections with disconnected_event, accepts replies only for a
/// req_id it pushed on that connection, one at a time (the next only after the previous one's ack) and not after the
/// stream finished, a welcome only within the window after enter_chat, pushes (aibot_send_msg) only as markdown,
/// template_card or media and within the per-chat and per-bot limits, and uploads by init/chunk/finish. Every frame is
/// recorded (api = cmd) with the errcode it was answered with.
/// </summary>
public sealed class FakeAiBotHub(FakeWeComState state, TimeProvider time)
{
    private const int MaxFrameBytes = 4 * 1024 * 1024;
    private readonly ConcurrentDictionary<int, FakeAiBotConnection> _connections = new();
    private readonly ConcurrentDictionary<string, FakeAiBotCallback> _callbacks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<byte[]>> _uploads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _pushes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private FakeAiBotFaults _faults = new();
    private int _nextId;
    private int _subscribes;
    private int _kicks;
    private int _outOfOrder;
    private int _lateWelcomes;

    public FakeAiBotConnection? Current
    {
        get
        {
            lock (_gate)
            {
                return _connections.Values.Where(c => c.Subscribed && c.Socket.State == WebSocketState.Open).MaxBy(c => c.Id);
            }
        }
    }

    public object Stats() => new
    {
        connections = _connections.Count,
        current = Current?.Id,
        subscribes = _subscribes,
        kicks = _kicks,
        outOfOrder = _outOfOrder,
        lateWelcomes = _lateWelcomes,
    };

    public void Reset()
    {
        lock (_gate)
        {
            _faults = new FakeAiBotFaults();
            _pushes.Clear();
            _callbacks.Clear();
            _subscribes = _kicks = _outOfOrder = _lateWelcomes = 0;
        }
    }

    public async Task RunAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var connection = new FakeAiBotConnection(Interlocked.Increment(ref _nextId), socket);
        _connections[connection.Id] = connection;
        try
        {
            var buffer = new byte[MaxFrameBytes];
            while (socket.State == WebSocketState.Open)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        throw new InvalidDataException("frame too large");
                    }

                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), cancellationToken);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                await OnFrameAsync(connection, buffer.AsSpan(0, length).ToArray(), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidDataException)
        {
            // The client went away (or sent more than the fake reads): the connection ends.
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            state.Record("ws_closed", connection.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), 0, null);
            if (socket.State == WebSocketState.Open)
            {
                try
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    // Gone.
                }
            }
        }
    }

    /// <summary>Pushes a callback to the current subscribed connection; null when there is none.</summary>
    public async Task<string?> PushCallbackAsync(string cmd, JsonNode body, CancellationToken cancellationToken)
    {
        if (Current is not { } connection)
        {
            return null;
        }

        var reqId = $"fake_{cmd}_{Guid.NewGuid():N}";
        var isEnterChat = body["event"]?["eventtype"]?.GetValue<string>() == "enter_chat";
        _callbacks[reqId] = new FakeAiBotCallback(reqId, connection.Id, isEnterChat, time.GetUtcNow());
        state.Record(cmd, reqId, 0, body.DeepClone());
        await connection.SendAsync(new JsonObject { ["cmd"] = cmd, ["headers"] = new JsonObject { ["req_id"] = reqId }, ["body"] = body.DeepClone() }, cancellationToken);
        return reqId;
    }

    /// <summary>Applies faults: delays and stalls stay set; the one-shot actions run now on the current connection.</summary>
    public async Task ApplyFaultsAsync(FakeAiBotFaults faults, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _faults = new FakeAiBotFaults { AckDelayMs = faults.AckDelayMs, StallAcks = faults.StallAcks };
        }

        if (Current is not { } connection)
        {
            return;
        }

        for (var i = 0; i < faults.Garbage; i++)
        {
            await connection.SendRawAsync((i % 3) switch
            {
                0 => "{not json"u8.ToArray(),
                1 => """{"cmd":"aibot_msg_callback","body":{"msgid":"no-headers"}}"""u8.ToArray(),
                _ => """[1,2,3]"""u8.ToArray(),
            }, cancellationToken);
        }

        if (faults.OversizedBytes > 0)
        {
            var filler = new string('x', faults.OversizedBytes);
            var big = new JsonObject
            {
                ["cmd"] = "aibot_msg_callback",
                ["headers"] = new JsonObject { ["req_id"] = "fake_big" },
                ["body"] = new JsonObject { ["msgid"] = "big", ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = filler } },
            };
            await connection.SendAsync(big, cancellationToken);
        }

        if (faults.UnknownCmd)
        {
            await connection.SendRawAsync("""{"cmd":"aibot_future_cmd","headers":{"req_id":"fake_future"},"body":{}}"""u8.ToArray(), cancellationToken);
        }

        if (faults.StrayAck)
        {
            await connection.SendAsync(FakeAiBotConnection.Ack("nobody_asked_for_this", 0), cancellationToken);
        }

        if (faults.Disconnect)
        {
            await KickAsync(connection, cancellationToken);
        }

        if (faults.Drop)
        {
            connection.Socket.Abort();
        }
    }

    private async Task OnFrameAsync(FakeAiBotConnection connection, byte[] utf8, CancellationToken cancellationToken)
    {
        JsonObject frame;
        try
        {
            frame = JsonNode.Parse(utf8)?.AsObject() ?? throw new JsonException("null");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            state.Record("malformed", connection.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), FakeAiBotErrcodes.InvalidMessage, null);
            return;
        }

        var cmd = frame["cmd"]?.GetValue<string>() ?? "";
        var reqId = frame["headers"]?["req_id"]?.GetValue<string>() ?? "";
        var body = frame["body"] as JsonObject;
        if (cmd == "aibot_subscribe")
        {
            await SubscribeAsync(connection, reqId, body, cancellationToken);
            return;
        }

        if (!connection.Subscribed)
        {
            await AnswerAsync(connection, cmd, reqId, reqId, FakeAiBotErrcodes.NotSubscribed, body, null, null, cancellationToken);
            return;
        }

        switch (cmd)
        {
            case "ping":
                await AnswerAsync(connection, cmd, reqId, reqId, 0, null, null, null, cancellationToken);
                break;
            case "aibot_respond_msg" or "aibot_respond_welcome_msg" or "aibot_respond_update_msg":
                await ReplyAsync(connection, cmd, reqId, body, cancellationToken);
                break;
            case "aibot_send_msg":
                var chat = body?["chatid"]?.GetValue<string>() ?? "";
                await AnswerAsync(connection, cmd, reqId, chat, CheckPush(body, chat), body, null, null, cancellationToken);
                break;
            case "aibot_upload_media_init":
                var uploadId = $"up_{Guid.NewGuid():N}";
                _uploads[uploadId] = [];
                await AnswerAsync(connection, cmd, reqId, uploadId, 0, body, new JsonObject { ["upload_id"] = uploadId }, null, cancellationToken);
                break;
            case "aibot_upload_media_chunk":
                var chunkOf = body?["upload_id"]?.GetValue<string>() ?? "";
                var ok = _uploads.TryGetValue(chunkOf, out var parts);
                if (ok)
                {
                    lock (parts!)
                    {
                        parts.Add(Convert.FromBase64String(body?["base64_data"]?.GetValue<string>() ?? ""));
                    }
                }

                await AnswerAsync(connection, cmd, reqId, chunkOf, ok ? 0 : FakeAiBotErrcodes.InvalidMessage, null, null, null, cancellationToken);
                break;
            case "aibot_upload_media_finish":
                var finishing = body?["upload_id"]?.GetValue<string>() ?? "";
                var known = _uploads.TryRemove(finishing, out var all);
                await AnswerAsync(connection, cmd, reqId, finishing, known ? 0 : FakeAiBotErrcodes.InvalidMessage,
                    known ? new JsonObject { ["bytes"] = all!.Sum(p => p.Length), ["md5"] = Convert.ToHexStringLower(MD5.HashData(all!.SelectMany(p => p).ToArray())) } : null,
                    known ? new JsonObject { ["media_id"] = $"media_{finishing}", ["type"] = "image" } : null, null, cancellationToken);
                break;
            default:
                await AnswerAsync(connection, cmd, reqId, reqId, FakeAiBotErrcodes.UnknownCmd, body, null, null, cancellationToken);
                break;
        }
    }

    private async Task SubscribeAsync(FakeAiBotConnection connection, string reqId, JsonObject? body, CancellationToken cancellationToken)
    {
        var good = body?["bot_id"]?.GetValue<string>() == state.Options.AiBotId && body?["secret"]?.GetValue<string>() == state.Options.AiBotSecret;
        // The secret is never recorded.
        state.Record("aibot_subscribe", body?["bot_id"]?.GetValue<string>() ?? "", good ? 0 : FakeAiBotErrcodes.InvalidCredential, null);
        if (!good)
        {
            await connection.SendAsync(FakeAiBotConnection.Ack(reqId, FakeAiBotErrcodes.InvalidCredential), cancellationToken);
            return;
        }

        FakeAiBotConnection? older;
        lock (_gate)
        {
            older = Current;
            connection.Subscribed = true;
            _subscribes++;
        }

        await connection.SendAsync(FakeAiBotConnection.Ack(reqId, 0), cancellationToken);
        if (older is not null && older.Id != connection.Id)
        {
            await KickAsync(older, cancellationToken);
        }
    }

    private async Task KickAsync(FakeAiBotConnection older, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _kicks);
        older.Subscribed = false;
        state.Record("disconnected_event", older.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), 0, null);
        await older.SendAsync(new JsonObject
        {
            ["cmd"] = "aibot_event_callback",
            ["headers"] = new JsonObject { ["req_id"] = $"fake_kick_{Guid.NewGuid():N}" },
            ["body"] = new JsonObject
            {
                ["msgid"] = $"kick-{Guid.NewGuid():N}",
                ["create_time"] = time.GetUtcNow().ToUnixTimeSeconds(),
                ["aibotid"] = state.Options.AiBotId,
                ["msgtype"] = "event",
                ["event"] = new JsonObject { ["eventtype"] = "disconnected_event" },
            },
        }, cancellationToken);
        try
        {
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await older.Socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "replaced by a new connection", bounded.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            older.Socket.Abort();
        }
    }

    private async Task ReplyAsync(FakeAiBotConnection connection, string cmd, string reqId, JsonObject? body, CancellationToken cancellationToken)
    {
        if (!_callbacks.TryGetValue(reqId, out var callback) || callback.ConnectionId != connection.Id)
        {
            await AnswerAsync(connection, cmd, reqId, reqId, FakeAiBotErrcodes.InvalidReqId, body, null, null, cancellationToken);
            return;
        }

        int code;
        lock (callback)
        {
            if (callback.AwaitingAck || callback.Finished)
            {
                _outOfOrder++;
                code = FakeAiBotErrcodes.OutOfOrder;
            }
            else if (cmd == "aibot_respond_welcome_msg" && (!callback.IsEnterChat || time.GetUtcNow() - callback.SentAt > state.Options.AiBotWelcomeWindow))
            {
                _lateWelcomes++;
                code = callback.IsEnterChat ? FakeAiBotErrcodes.WelcomeTooLate : FakeAiBotErrcodes.InvalidReqId;
            }
            else if (cmd == "aibot_respond_msg" && body?["msgtype"]?.GetValue<string>() is not ("stream" or "template_card" or "stream_with_template_card" or "text" or "markdown" or "image" or "file"))
            {
                code = FakeAiBotErrcodes.InvalidMessage;
            }
            else
            {
                code = 0;
                callback.AwaitingAck = true;
                callback.Finished = cmd != "aibot_respond_msg" || body?["stream"]?["finish"]?.GetValue<bool>() != false;
            }
        }

        await AnswerAsync(connection, cmd, reqId, reqId, code, body, null, code == 0 ? callback : null, cancellationToken);
    }

    private int CheckPush(JsonObject? body, string chat)
    {
        if (chat.Length == 0)
        {
            return FakeAiBotErrcodes.InvalidMessage;
        }

        var msgtype = body?["msgtype"]?.GetValue<string>();
        var content = msgtype is null ? null : body?[msgtype];
        if (msgtype is not ("markdown" or "template_card" or "image" or "file" or "voice" or "video") || content is null)
        {
            // Plain text pushes are refused (community reports).
            return FakeAiBotErrcodes.InvalidMessage;
        }

        if (msgtype == "markdown" && content["content"]?.GetValue<string>() is not { Length: > 0 })
        {
            return FakeAiBotErrcodes.InvalidMessage;
        }

        // Every attempt counts against both limits, as with robots.
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var perChat = Count($"chat:{chat}", now, TimeSpan.FromMinutes(1));
            var perBot = Count("bot", now, TimeSpan.FromHours(1));
            return perChat > state.Options.AiBotPushesPerChatPerMinute || perBot > state.Options.AiBotPushesPerBotPerHour ? FakeAiBotErrcodes.FrequencyLimit : 0;
        }
    }

    private int Count(string key, DateTimeOffset now, TimeSpan window)
    {
        if (!_pushes.TryGetValue(key, out var sends))
        {
            _pushes[key] = sends = new Queue<DateTimeOffset>();
        }

        while (sends.Count > 0 && now - sends.Peek() >= window)
        {
            sends.Dequeue();
        }

        sends.Enqueue(now);
        return sends.Count;
    }

    /// <summary>Records the frame and sends its ack, after the configured delay unless acks are stalled.</summary>
    private Task AnswerAsync(FakeAiBotConnection connection, string cmd, string reqId, string target, int errcode, JsonNode? recorded,
        JsonObject? ackBody, FakeAiBotCallback? callback, CancellationToken cancellationToken)
    {
        state.Record(cmd.Length == 0 ? "(no cmd)" : cmd, target, errcode, recorded?.DeepClone());
        int delay;
        bool stall;
        lock (_gate)
        {
            delay = _faults.AckDelayMs;
            stall = _faults.StallAcks > 0 && cmd != "ping";
            if (stall)
            {
                _faults.StallAcks--;
            }
        }

        if (stall)
        {
            // Never acked: the client gives up after its own timeout, and its next reply for this req_id is then in turn.
            if (callback is not null)
            {
                lock (callback)
                {
                    callback.AwaitingAck = false;
                }
            }

            return Task.CompletedTask;
        }

        _ = Task.Run(async () =>
        {
            if (delay > 0)
            {
                await Task.Delay(delay, CancellationToken.None);
            }

            if (callback is not null)
            {
                lock (callback)
                {
                    callback.AwaitingAck = false;
                }
            }

            await connection.SendAsync(FakeAiBotConnection.Ack(reqId, errcode, ackBody), cancellationToken);
        }, CancellationToken.None);
        return Task.CompletedTask;
    }
}
