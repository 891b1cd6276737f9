namespace GridBot.Host.Configuration;

public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>
    /// serviceUrl prefixes GridBot will call back. The serviceUrl comes from the request, so without this list
    /// anyone could make GridBot POST to any address (SSRF). Empty by default here (the binder appends to a list,
    /// so defaults in code could never be removed); appsettings.json allows loopback for the Emulator.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    public bool IsAllowed(string? serviceUrl) =>
        serviceUrl is not null && Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" &&
        AllowedServiceUrls.Any(prefix => serviceUrl.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
