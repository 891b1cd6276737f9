using System.Text.Json.Serialization;

namespace GridBot.Dialogs.Digests;

[JsonConverter(typeof(JsonStringEnumConverter<DigestPeriod>))]
public enum DigestPeriod
{
    /// <summary>From the previous working day up to the digest's date: a Monday digest covers Friday and the weekend.</summary>
    Daily,

    /// <summary>The seven local days before the digest's date.</summary>
    Weekly,
}
