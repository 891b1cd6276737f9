using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace GridBot.FakeWeCom;

/// <summary>One client WebSocket on the fake: sends are serialised (a WebSocket allows one at a time).</summary>
public sealed class FakeAiBotConnection(int id, WebSocket socket)
{
    private readonly SemaphoreSlim _sending = new(1, 1);

    public int Id { get; } = id;

    public WebSocket Socket { get; } = socket;

    public bool Subscribed { get; set; }

    public async Task SendAsync(JsonNode frame, CancellationToken cancellationToken) =>
        await SendRawAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), cancellationToken);

    public async Task SendRawAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                await Socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (WebSocketException)
        {
            // The client went away; the read loop notices.
        }
        finally
        {
            _sending.Release();
        }
    }

    public static JsonObject Ack(string reqId, int errcode, JsonObject? body = null)
    {
        var ack = new JsonObject { ["headers"] = new JsonObject { ["req_id"] = reqId }, ["errcode"] = errcode, ["errmsg"] = errcode == 0 ? "ok" : "error" };
        if (body is not null)
        {
            ack["body"] = body;
        }

        return ack;
    }
}
