using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridBot.FakeWeCom;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Tests.WeCom;

/// <summary>tools/GridBot.FakeWeCom started in-process on 127.0.0.1, with its control API at hand.</summary>
internal sealed class FakeWeCom : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeWeCom(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>The GridBot setting that points it at this fake.</summary>
    public string ApiBaseSetting => $"--WeCom:ApiBaseUrl={Address}";

    public static Task<FakeWeCom> StartAsync(CancellationToken cancellationToken, params string[] settings) =>
        StartAsync(null, cancellationToken, settings);

    /// <param name="time">The fake's clock: the host's FakeTimeProvider when a test crosses WeCom's time limits.</param>
    public static async Task<FakeWeCom> StartAsync(TimeProvider? time, CancellationToken cancellationToken, params string[] settings)
    {
        var app = FakeWeComServer.Build(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings], time);
        await app.StartAsync(cancellationToken);
        return new FakeWeCom(app, new Uri(app.Urls.First()));
    }

    public async Task<List<JsonObject>> RecordsAsync(string api, CancellationToken cancellationToken) =>
        (await Http.GetFromJsonAsync<JsonArray>($"/_fake/records?api={Uri.EscapeDataString(api)}", cancellationToken))!
            .Select(n => n!.AsObject()).ToList();

    /// <summary>kf callbacks go to this host's /api/wecom/app from now on (the host's port is known only once it runs).</summary>
    public void PushCallbacksTo(Uri hostAddress) =>
        _app.Services.GetRequiredService<IOptions<FakeWeComOptions>>().Value.AppCallbackUrl = new Uri(hostAddress, "/api/wecom/app").ToString();

    public async Task<JsonObject> StatsAsync(CancellationToken cancellationToken) =>
        (await Http.GetFromJsonAsync<JsonObject>("/_fake/stats", cancellationToken))!;

    public async Task SetFaultsAsync(int latencyMs, int serverErrors, int drops, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync("/_fake/faults", new FakeFaults { LatencyMs = latencyMs, ServerErrors = serverErrors, Drops = drops }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task ExpireTokensAsync(CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsync("/_fake/expire-tokens", null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
