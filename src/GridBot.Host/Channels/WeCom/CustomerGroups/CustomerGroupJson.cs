using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridBot.Host.Channels.WeCom.CustomerGroups;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GroupChatListRequest))]
[JsonSerializable(typeof(GroupChatListAnswer))]
[JsonSerializable(typeof(GroupChatGetRequest))]
[JsonSerializable(typeof(GroupChatGetAnswer))]
[JsonSerializable(typeof(AddMsgTemplateRequest))]
[JsonSerializable(typeof(AddMsgTemplateAnswer))]
[JsonSerializable(typeof(GroupMsgTaskRequest))]
[JsonSerializable(typeof(GroupMsgTaskAnswer))]
internal sealed partial class CustomerGroupJson : JsonSerializerContext
{
    public static CustomerGroupJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
