namespace GridBot.Host.Open311;

/// <summary>Open311 GeoReport v2 at /open311/v2/: who may file requests and what discovery says.</summary>
public sealed class Open311Options
{
    public const string SectionName = "Open311";

    /// <summary>api_key values accepted by POST requests (each ≥ 16 characters). None = nobody can file through Open311.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>The contact line of discovery.json.</summary>
    public string Contact { get; set; } = "";
}
