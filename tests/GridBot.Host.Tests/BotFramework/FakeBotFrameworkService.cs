using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using GridBot.Dialogs.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GridBot.Host.Tests.BotFramework;

/// <summary>
/// Azure Bot Service and Azure AD as a real HTTP server on 127.0.0.1: OpenID metadata and a JWKS whose keys rotate,
/// a client-credentials token endpoint, and the connector's /v3/conversations API, which records what it is sent,
/// checks the bot's Bearer token and answers with injected faults when told to.
/// </summary>
public sealed class FakeBotFrameworkService : IAsyncDisposable
{
    public const string AppId = "9a8f1d52-5c1e-4c1d-a5d4-2e7f3c0b1a11";
    public const string AppPassword = "fake-client-secret";
    public const string Issuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _faults = new();
    private readonly ConcurrentDictionary<string, DateTime> _issued = new();
    private readonly JsonWebTokenHandler _handler = new();
    private volatile SigningKey _key = SigningKey.Create(["directline", "msteams", "webchat", "emulator"]);
    private int _metadataFetches;
    private int _tokenRequests;

    private FakeBotFrameworkService(WebApplication app) => _app = app;

    public string Address { get; private set; } = "";

    public string ServiceUrl => Address;

    public string MetadataUrl => Address + "v1/.well-known/openidconfiguration";

    public string TokenEndpoint => Address + "botframework.com/oauth2/v2.0/token";

    public ConcurrentQueue<Received> Activities { get; } = new();

    /// <summary>The Emulator's no-auth mode: the connector takes calls without a token.</summary>
    public bool AcceptAnonymous { get; set; }

    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The settings a GridBot host needs to trust this service and get tokens from it.</summary>
    public string[] HostSettings =>
    [
        $"--BotFramework:MicrosoftAppId={AppId}",
        $"--BotFramework:MicrosoftAppPassword={AppPassword}",
        $"--BotFramework:OpenIdMetadataUrl={MetadataUrl}",
        $"--BotFramework:TokenEndpoint={TokenEndpoint}",
        "--BotFramework:KeyRefreshMinimum=00:00:01",
    ];

    public static async Task<FakeBotFrameworkService> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeBotFrameworkService(app);
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref fake._metadataFetches);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = fake.Address + "v1/authorize",
                ["jwks_uri"] = fake.Address + "v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        });
        app.MapGet("/v1/.well-known/keys", () => Results.Json(new { keys = new[] { fake._key.Jwk() } }));
        app.MapPost("/botframework.com/oauth2/v2.0/token", (HttpRequest request) => fake.IssueTokenAsync(request));
        app.MapPost("/v3/conversations/{id}/activities", (HttpContext http, string id) => fake.ReceiveAsync(http, id));
        app.MapPost("/v3/conversations/{id}/activities/{replyTo}", (HttpContext http, string id) => fake.ReceiveAsync(http, id));
        await app.StartAsync(cancellationToken);
        fake.Address = app.Urls.First() + "/";
        return fake;
    }

    /// <summary>A token as Bot Framework signs one for a channel's request to the bot.</summary>
    public string Sign(string? serviceUrl = null, string audience = AppId, string issuer = Issuer, DateTime? expires = null, SigningKey? key = null)
    {
        var signingKey = key ?? _key;
        var exp = expires ?? DateTime.UtcNow.AddMinutes(30);
        var claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl };
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = exp.AddMinutes(-60),
            NotBefore = exp.AddMinutes(-60),
            Expires = exp,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Bot Framework rolls its keys over: the old one is no longer published.</summary>
    public void RotateKeys() => _key = SigningKey.Create(["directline", "msteams", "webchat", "emulator"]);

    /// <summary>The next connector calls answer these statuses, one each, before calls succeed again.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _faults.Enqueue(status);
        }
    }

    /// <summary>Every token issued so far stops working (the connector will answer 401).</summary>
    public void RevokeTokens() => _issued.Clear();

    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> done, CancellationToken cancellationToken)
    {
        while (!done([.. Activities]))
        {
            await Task.Delay(50, cancellationToken);
        }

        return [.. Activities];
    }

    private async Task<IResult> IssueTokenAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _tokenRequests);
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != AppId || form["client_secret"] != AppPassword
            || form["scope"] != "https://api.botframework.com/.default")
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        var token = "fake-bot-token-" + Guid.NewGuid().ToString("N");
        _issued[token] = DateTime.UtcNow.AddHours(1);
        return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = token });
    }

    private async Task<IResult> ReceiveAsync(HttpContext http, string conversationId)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var anonymous = AcceptAnonymous && header.Length == 0;
        if (!anonymous && (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_issued.TryGetValue(header["Bearer ".Length..], out var expires) || expires < DateTime.UtcNow))
        {
            return Results.Json(new { error = new { code = "Unauthorized", message = "bad token" } }, statusCode: 401);
        }

        if (_faults.TryDequeue(out var status))
        {
            return Results.Json(new { error = new { code = status == 403 ? "BotNotInConversationRoster" : "Fault", message = $"injected {status}" } }, statusCode: status);
        }

        var activity = await JsonSerializer.DeserializeAsync(http.Request.Body, ActivityJson.Default.Activity);
        Activities.Enqueue(new Received(http.Request.Path, conversationId, activity!, header.Length > 0));
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Received(string Path, string ConversationId, Activity Activity, bool HadToken);

    /// <summary>An RSA key with its key id and the channels it endorses, as Bot Framework's JWKS lists them.</summary>
    public sealed class SigningKey
    {
        private readonly string[] _endorsements;

        private SigningKey(RsaSecurityKey key, string[] endorsements)
        {
            Key = key;
            _endorsements = endorsements;
        }

        public RsaSecurityKey Key { get; }

        public static SigningKey Create(string[] endorsements) =>
            new(new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") }, endorsements);

        public object Jwk()
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(Key);
            return new { kty = "RSA", use = "sig", kid = Key.KeyId, n = jwk.N, e = jwk.E, endorsements = _endorsements };
        }
    }
}
