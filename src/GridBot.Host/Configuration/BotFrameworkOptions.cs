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

    /// <summary>
    /// The Azure Bot's Microsoft App ID: the audience of every token Bot Framework signs for GridBot and the client id
    /// of GridBot's own tokens. Empty: no authentication, and /api/messages takes loopback callers only (the Emulator).
    /// </summary>
    public string MicrosoftAppId { get; set; } = "";

    /// <summary>The app's client secret (a secret: never logged).</summary>
    public string MicrosoftAppPassword { get; set; } = "";

    /// <summary>The tenant of a single-tenant Azure Bot; empty for a multi-tenant one (tokens from botframework.com).</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Where Bot Framework publishes its signing keys (OpenID metadata with the JWKS address).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of the tokens channels send.</summary>
    public string ValidIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>The client-credentials token endpoint; empty means Azure AD's for <see cref="TenantId"/> (or botframework.com).</summary>
    public string TokenEndpoint { get; set; } = "";

    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Tolerated clock difference on a token's lifetime (Bot Framework's own SDK allows 5 minutes).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The least time between two key fetches forced by an unknown key id: a rotation is followed at once, but a caller
    /// sending made-up key ids cannot make GridBot fetch the keys on every request.
    /// </summary>
    public TimeSpan KeyRefreshMinimum { get; set; } = TimeSpan.FromMinutes(5);

    public bool AuthenticationEnabled => MicrosoftAppId.Length > 0;

    public Uri TokenEndpointUri => new(TokenEndpoint.Length > 0
        ? TokenEndpoint
        : $"https://login.microsoftonline.com/{(TenantId.Length > 0 ? TenantId : "botframework.com")}/oauth2/v2.0/token");

    public bool IsAllowed(string? serviceUrl) =>
        serviceUrl is not null && Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" &&
        AllowedServiceUrls.Any(prefix => serviceUrl.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
