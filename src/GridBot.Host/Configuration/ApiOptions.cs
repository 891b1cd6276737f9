namespace GridBot.Host.Configuration;

/// <summary>Bearer tokens for the staff API; none configured means the API answers 401 to everyone.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public List<string> Tokens { get; set; } = [];
}
