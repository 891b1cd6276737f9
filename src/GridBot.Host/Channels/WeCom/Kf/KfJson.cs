using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridBot.Host.Channels.WeCom.Kf;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KfSyncRequest))]
[JsonSerializable(typeof(KfSyncAnswer))]
[JsonSerializable(typeof(KfSendRequest))]
[JsonSerializable(typeof(KfTransRequest))]
[JsonSerializable(typeof(KfContactWayRequest))]
[JsonSerializable(typeof(KfApiAnswer))]
internal sealed partial class KfJson : JsonSerializerContext
{
    /// <summary>Chinese as UTF-8, not \uXXXX: kf limits count bytes.</summary>
    public static KfJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
