using System.Text.Json.Serialization;

namespace GridBot.Host.Channels.WeCom.Kf;

[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class KfActivityJson : JsonSerializerContext;
