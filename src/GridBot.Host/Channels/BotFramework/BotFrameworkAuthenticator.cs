using System.Text.Json;
using GridBot.Host.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.BotFramework;

/// <summary>
/// Checks the Bearer JWT Azure Bot Service puts on every request to /api/messages: signed by a key of the OpenID
/// metadata's JWKS (cached a day; fetched again on an unknown key id, at most once per <see cref="BotFrameworkOptions.KeyRefreshMinimum"/>),
/// issuer, audience = the bot's app id, lifetime within the clock skew. The token is checked before the body is read;
/// what it vouches for (serviceUrl, the channels its key endorses) is checked against the activity afterwards.
/// </summary>
internal sealed partial class BotFrameworkAuthenticator
{
    public const string HttpClientName = "botframework-keys";

    /// <summary>A JWT of Bot Framework is about 1.5 KB; anything far longer is not one and is not parsed.</summary>
    private const int MaxTokenLength = 16 * 1024;

    /// <summary>Bot Framework's own SDK re-reads its keys daily; a rollover in between is caught by the unknown kid.</summary>
    private static readonly TimeSpan KeysLifetime = TimeSpan.FromHours(24);

    private readonly BotFrameworkOptions _options;
    private readonly HttpDocumentRetriever? _retriever;
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;
    private volatile Keys? _keys;

    public BotFrameworkAuthenticator(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<BotFrameworkAuthenticator> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        if (_options.AuthenticationEnabled)
        {
            _retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
            {
                RequireHttps = new Uri(_options.OpenIdMetadataUrl).Scheme == Uri.UriSchemeHttps,
            };
        }
    }

    public bool Enabled => _retriever is not null;

    public async Task<BotFrameworkIdentity> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (_retriever is null)
        {
            throw new InvalidOperationException("Bot Framework authentication is off (no BotFramework:MicrosoftAppId).");
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return BotFrameworkIdentity.Refused("no Bearer token");
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (token.Length is 0 or > MaxTokenLength)
        {
            return BotFrameworkIdentity.Refused("no Bearer token");
        }

        var current = _keys;
        if (current is null || _time.GetUtcNow() - current.FetchedAt > KeysLifetime)
        {
            current = await FetchAsync(current, TimeSpan.Zero, cancellationToken);
            if (current is null)
            {
                return BotFrameworkIdentity.Unreachable();
            }
        }

        var metadata = current.Metadata;
        var result = await ValidateAsync(token, metadata);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Bot Framework rolls its keys over: an unknown kid means "fetch the keys again", at most once per
            // KeyRefreshMinimum, so made-up kids cannot turn every request into a fetch.
            var fresh = await FetchAsync(current, _options.KeyRefreshMinimum, cancellationToken);
            if (fresh is not null && !ReferenceEquals(fresh.Metadata, metadata))
            {
                metadata = fresh.Metadata;
                result = await ValidateAsync(token, metadata);
            }
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            var reason = result.Exception?.GetType().Name ?? "invalid token";
            LogRefused(_logger, reason);
            return BotFrameworkIdentity.Refused(reason);
        }

        jwt.TryGetPayloadValue<string>("serviceurl", out var serviceUrl);
        return new BotFrameworkIdentity(true, null, serviceUrl, Endorsements(metadata, jwt.Kid));
    }

    /// <summary>Fetches metadata and JWKS unless <paramref name="seen"/> was replaced meanwhile or is younger than <paramref name="minimumAge"/>.</summary>
    /// <returns>The keys to use; null when none could ever be fetched.</returns>
    private async Task<Keys?> FetchAsync(Keys? seen, TimeSpan minimumAge, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (_keys is { } latest && (!ReferenceEquals(latest, seen) || now - latest.FetchedAt < minimumAge))
            {
                return latest;
            }

            try
            {
                var metadata = await OpenIdConnectConfigurationRetriever.GetAsync(_options.OpenIdMetadataUrl, _retriever!, cancellationToken);
                _keys = new Keys(metadata, now);
                LogKeysFetched(_logger, metadata.SigningKeys.Count);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidOperationException or ArgumentException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Keep the keys we had: a flaky metadata endpoint must not refuse every channel.
                LogKeysUnavailable(_logger, ex);
            }

            return _keys;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration metadata) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.ValidIssuer,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = _options.ClockSkew,
            TryAllIssuerSigningKeys = false,
        });

    /// <summary>Bot Framework's keys list the channels they may sign for ("endorsements"); null when the key lists none.</summary>
    private static IReadOnlySet<string>? Endorsements(OpenIdConnectConfiguration metadata, string? kid)
    {
        var key = metadata.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return null;
        }

        var element = value as JsonElement? ?? JsonSerializer.SerializeToElement(value);
        return element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
    }

    private sealed record Keys(OpenIdConnectConfiguration Metadata, DateTimeOffset FetchedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Framework signing keys fetched: {Count} key(s)")]
    private static partial void LogKeysFetched(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Framework's OpenID metadata or keys could not be fetched")]
    private static partial void LogKeysUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework request refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
