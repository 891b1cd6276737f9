using System.Net.Http.Json;
using System.Text.Json.Serialization;
using GridBot.Host.Configuration;
using GridBot.Store.Coordination;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.BotFramework;

/// <summary>
/// GridBot's own token for the connector (client-credentials flow): cached (Redis when configured, so every host
/// shares one), renewed five minutes before it expires, fetched by one caller at a time across hosts, and dropped when
/// the connector answers 401 so the next send fetches a fresh one.
/// </summary>
internal sealed class BotFrameworkTokens(IHttpClientFactory httpClients, IAccessTokenCache cache, ITurnLock locks, IOptions<BotFrameworkOptions> options)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private string CacheName => "botframework:" + options.Value.MicrosoftAppId;

    /// <returns>The token, or null when the token endpoint refused or failed (the reason says which).</returns>
    public async Task<(string? Token, string? Failure)> GetAsync(CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(CacheName, cancellationToken) is { } cached)
        {
            return (cached, null);
        }

        await using var held = await locks.AcquireAsync("token:" + CacheName, cancellationToken);
        if (await cache.GetAsync(CacheName, cancellationToken) is { } fresh)
        {
            return (fresh, null);
        }

        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.MicrosoftAppId,
            ["client_secret"] = settings.MicrosoftAppPassword,
            ["scope"] = settings.OAuthScope,
        });
        using var response = await httpClients.CreateClient(BotFrameworkSender.HttpClientName).PostAsync(settings.TokenEndpointUri, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, $"token endpoint answered HTTP {(int)response.StatusCode}");
        }

        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken);
        if (answer is not { AccessToken: { Length: > 0 } token })
        {
            return (null, "token endpoint gave no access_token");
        }

        var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn > 0 ? answer.ExpiresIn : 3600) - RefreshMargin;
        await cache.SetAsync(CacheName, token, lifetime > TimeSpan.FromMinutes(1) ? lifetime : TimeSpan.FromMinutes(1), cancellationToken);
        return (token, null);
    }

    public ValueTask InvalidateAsync(string token, CancellationToken cancellationToken) => cache.InvalidateAsync(CacheName, token, cancellationToken);

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
