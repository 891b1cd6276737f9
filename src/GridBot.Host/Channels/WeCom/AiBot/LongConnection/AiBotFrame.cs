using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// One long-connection frame: JSON <c>{cmd, headers:{req_id}, body}</c>; an ack has no cmd and carries
/// <c>errcode</c>/<c>errmsg</c> (and sometimes a body, e.g. upload_id). Parsing never throws: a frame that is not
/// this shape is null and the caller logs it.
/// </summary>
internal sealed class AiBotFrame
{
    public string? Cmd { get; private init; }
    public required string ReqId { get; init; }
    public int? Errcode { get; private init; }
    public string? Errmsg { get; private init; }
    public JsonElement? Body { get; private init; }

    public bool IsAck => Cmd is null;

    public static AiBotFrame? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var reqId = root.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object
                && headers.TryGetProperty("req_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (string.IsNullOrEmpty(reqId) || reqId.Length > 256)
            {
                return null;
            }

            return new AiBotFrame
            {
                Cmd = root.TryGetProperty("cmd", out var cmd) && cmd.ValueKind == JsonValueKind.String ? cmd.GetString() : null,
                ReqId = reqId,
                Errcode = root.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var c) ? c : null,
                Errmsg = root.TryGetProperty("errmsg", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null,
                Body = root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object ? body.Clone() : null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The UTF-8 text of an outbound frame; Chinese stays unescaped (WeCom's limits count bytes).</summary>
    public static byte[] Build(string cmd, string reqId, JsonNode? body)
    {
        var frame = new JsonObject { ["cmd"] = cmd, ["headers"] = new JsonObject { ["req_id"] = reqId } };
        if (body is not null)
        {
            frame["body"] = body;
        }

        return Encoding.UTF8.GetBytes(frame.ToJsonString(Relaxed));
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
