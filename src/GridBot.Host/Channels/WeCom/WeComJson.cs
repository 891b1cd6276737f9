using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridBot.Host.Channels.WeCom.AiBot;
using GridBot.Host.Channels.WeCom.App;
using GridBot.Host.Channels.WeCom.Webhook;

namespace GridBot.Host.Channels.WeCom;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AiBotCallback))]
[JsonSerializable(typeof(AiBotReply))]
[JsonSerializable(typeof(AiBotMarkdown))]
[JsonSerializable(typeof(WeComApiResult))]
[JsonSerializable(typeof(WeComWebhookMessage))]
[JsonSerializable(typeof(WeComAppMessage))]
internal sealed partial class WeComJson : JsonSerializerContext
{
    /// <summary>Chinese stays as UTF-8 instead of \uXXXX: WeCom's limits count bytes, and escapes would triple them.</summary>
    public static WeComJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
