using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridBot.Dialogs.Core;

/// <summary>Any entity; GridBot reads mentions ({type:"mention", mentioned, text}) and keeps the rest as they came.</summary>
public sealed class Entity
{
    public string? Type { get; set; }
    public ChannelAccount? Mentioned { get; set; }
    public string? Text { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public static Entity MentionOf(string id, string name) => new()
    {
        Type = "mention",
        Mentioned = new ChannelAccount { Id = id, Name = name },
        Text = "@" + name,
    };
}
