using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridBot.Dialogs.Core;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 32)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(ExpectedReplies))]
public sealed partial class ActivityJson : JsonSerializerContext;
