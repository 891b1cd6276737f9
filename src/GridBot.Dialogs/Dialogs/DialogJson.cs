using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridBot.Dialogs.Dialogs;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DialogStack))]
internal sealed partial class DialogJson : JsonSerializerContext;
