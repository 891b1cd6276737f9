using System.Net.Http.Json;
using GridBot.Store.Coordination;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.App;

/// <summary>
/// The self-built app's access token: cached (Redis when configured, so every host shares one), refreshed a margin
/// before WeCom's expiry, and fetched by one caller at a time — gettoken is rate-limited, and a stampede of hosts
/// each fetching would also invalidate each other's tokens.
/// </summary>
internal sealed class WeComAccessTokens(IHttpClientFactory httpClients, IAccessTokenCache cache, ITurnLock locks, IOptions<WeComOptions> options)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private string CacheName => $"wecom:{options.Value.CorpId}:{options.Value.App.AgentId}";

    /// <returns>The token, or null with the errcode that gettoken answered.</returns>
    public async Task<(string? Token, int Errcode)> GetAsync(CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(CacheName, cancellationToken) is { } cached)
        {
            return (cached, 0);
        }

        await using var held = await locks.AcquireAsync("gettoken:" + CacheName, cancellationToken);

        // Whoever held the lock before us has probably just fetched one.
        if (await cache.GetAsync(CacheName, cancellationToken) is { } fresh)
        {
            return (fresh, 0);
        }

        var settings = options.Value;
        var uri = new Uri(settings.ApiBase, $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(settings.CorpId)}&corpsecret={Uri.EscapeDataString(settings.App.Secret)}");
        var answer = await httpClients.CreateClient(WeComHttp.ClientName).GetFromJsonAsync(uri, WeComJson.Relaxed.WeComApiResult, cancellationToken);
        if (answer is not { Errcode: 0, AccessToken: { Length: > 0 } token })
        {
            return (null, answer?.Errcode ?? -1);
        }

        var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn > 0 ? answer.ExpiresIn : 7200) - RefreshMargin;
        await cache.SetAsync(CacheName, token, lifetime > TimeSpan.FromMinutes(1) ? lifetime : TimeSpan.FromMinutes(1), cancellationToken);
        return (token, 0);
    }

    /// <summary>WeCom rejected the token (40014 / 42001) before its time: the next caller fetches a new one.</summary>
    public ValueTask InvalidateAsync(string token, CancellationToken cancellationToken) => cache.InvalidateAsync(CacheName, token, cancellationToken);
}
