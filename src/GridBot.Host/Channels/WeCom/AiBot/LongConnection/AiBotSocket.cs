using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// One WebSocket to WeCom: one sender at a time (a WebSocket allows no concurrent sends), requests matched to their
/// acks by req_id, frames read up to a size limit. A frame over the limit is read to its end and dropped; the
/// connection survives it.
/// </summary>
internal sealed class AiBotSocket(ClientWebSocket socket, int maxFrameBytes) : IDisposable
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<AiBotFrame>> _pending = new(StringComparer.Ordinal);

    public bool IsOpen => socket.State == WebSocketState.Open;

    public static async Task<AiBotSocket> ConnectAsync(Uri url, int maxFrameBytes, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        // WeCom's heartbeat is the ping frame in the protocol; WebSocket-level keep-alive stays on as TCP's guard.
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return new AiBotSocket(socket, maxFrameBytes);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends a frame and waits for the ack with the same req_id.</summary>
    /// <exception cref="AiBotNotAckedException">No ack in time, or the connection closed first.</exception>
    public async Task<AiBotFrame> RequestAsync(string cmd, string reqId, JsonNode? body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ack = new TaskCompletionSource<AiBotFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(reqId, ack))
        {
            // Replies for one req_id go strictly one after the other (each waits for its ack); two at once is a bug.
            throw new InvalidOperationException($"a frame for req_id {reqId} is already waiting for its ack");
        }

        try
        {
            await SendAsync(AiBotFrame.Build(cmd, reqId, body), cancellationToken);
            return await ack.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new AiBotNotAckedException($"{cmd} not acked within {timeout}");
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            throw new AiBotNotAckedException($"{cmd} not sent: {ex.GetType().Name}");
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, TaskCompletionSource<AiBotFrame>>(reqId, ack));
        }
    }

    public async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <returns>False when the ack's req_id is not waited for (late, duplicated or made up).</returns>
    public bool CompleteAck(AiBotFrame ack) => _pending.TryRemove(ack.ReqId, out var waiting) && waiting.TrySetResult(ack);

    /// <summary>The next whole message, <see cref="Received.Oversized"/> for one over the limit, or null once the socket closed.</summary>
    public async Task<Received?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            var oversized = false;
            while (true)
            {
                ValueWebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                }
                catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
                {
                    return null;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                if (!oversized)
                {
                    length += result.Count;
                    if (length > maxFrameBytes)
                    {
                        oversized = true;
                    }
                    else if (length == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxFrameBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                }

                if (oversized)
                {
                    // Keep reading into the start of the buffer until the message ends: it is dropped whole.
                    length = 0;
                }

                if (result.EndOfMessage)
                {
                    return oversized ? Received.Oversized : new Received(buffer.AsSpan(0, length).ToArray());
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Closes politely when it can, else drops the TCP connection; every waiting request fails at once.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", bounded.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Going away anyway.
        }

        Abort();
    }

    public void Abort()
    {
        socket.Abort();
        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetException(new AiBotNotAckedException("the connection closed"));
        }
    }

    public void Dispose()
    {
        Abort();
        socket.Dispose();
        _sending.Dispose();
    }

    internal sealed record Received(byte[]? Utf8)
    {
        public static readonly Received Oversized = new((byte[]?)null);
    }
}
