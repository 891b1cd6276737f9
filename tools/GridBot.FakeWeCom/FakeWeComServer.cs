using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace GridBot.FakeWeCom;

/// <summary>
/// A WeCom stand-in on real HTTP: webhook/send (20 per robot per window, else 45009; 93000 for dead keys), gettoken,
/// message/send (40014 / 42001 for bad or expired tokens) and response_url (usable once). Faults are switchable at
/// run time; every request is recorded. 微信客服 lives in <see cref="FakeKfEndpoints"/>, the AI bot's long connection in
/// <see cref="FakeAiBotEndpoints"/>. Control API under /_fake. Tests start it in-process; people run it alone.
/// </summary>
public static class FakeWeComServer
{
    /// <param name="time">The fake's clock (tests pass the host's FakeTimeProvider to cross the 48 h boundary), or real time.</param>
    public static WebApplication Build(string[] args, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddOptions<FakeWeComOptions>().Bind(builder.Configuration.GetSection(FakeWeComOptions.SectionName));
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton(p => new FakeWeComState(p.GetRequiredService<IOptions<FakeWeComOptions>>().Value, p.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(p => new FakeKfState(p.GetRequiredService<IOptions<FakeWeComOptions>>().Value, p.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(p => new FakeAiBotHub(p.GetRequiredService<FakeWeComState>(), p.GetRequiredService<TimeProvider>()));
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(p => new FakeKfCallbacks(
            p.GetRequiredService<IOptions<FakeWeComOptions>>().Value, p.GetRequiredService<TimeProvider>(), p.GetRequiredService<IHttpClientFactory>()));
        var app = builder.Build();
        app.Use(InjectFaultsAsync);
        app.MapPost("/cgi-bin/webhook/send", WebhookSendAsync);
        app.MapGet("/cgi-bin/gettoken", GetToken);
        app.MapPost("/cgi-bin/message/send", MessageSendAsync);
        app.MapPost("/cgi-bin/aibot/response", AiBotResponseAsync);
        app.MapFakeKf();
        app.MapFakeGroupChats();
        app.MapFakeAiBot();
        app.MapGet("/_fake/records", (FakeWeComState state, string? api, string? target) =>
            Results.Json(state.Records.Where(r => (api is null || r.Api == api) && (target is null || r.Target == target))));
        app.MapGet("/_fake/stats", (FakeWeComState state) => Results.Json(new
        {
            maxAcceptedPerRobotInAnyWindow = state.MaxAcceptedInAnyWindow(),
            tokensIssued = state.TokensIssued,
            requests = state.Records.GroupBy(r => $"{r.Api} {r.Errcode}").ToDictionary(g => g.Key, g => g.Count()),
        }));
        app.MapPost("/_fake/faults", (FakeWeComState state, FakeFaults faults) => state.SetFaults(faults));
        app.MapPost("/_fake/expire-tokens", (FakeWeComState state) => state.ExpireTokens());
        app.MapPost("/_fake/reset", (FakeWeComState state, FakeKfState kf, FakeAiBotHub aibot) =>
        {
            state.Reset();
            kf.Reset();
            aibot.Reset();
        });
        return app;
    }

    private static async Task InjectFaultsAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments("/cgi-bin"))
        {
            await next(http);
            return;
        }

        var state = http.RequestServices.GetRequiredService<FakeWeComState>();
        if (state.Faults.LatencyMs > 0)
        {
            await Task.Delay(state.Faults.LatencyMs, http.RequestAborted);
        }

        switch (state.TakeFault())
        {
            case "500":
                state.Record(Api(http), "", 500, null);
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            case "drop":
                state.Record(Api(http), "", -2, null);
                http.Abort();
                return;
            default:
                await next(http);
                return;
        }
    }

    private static async Task<IResult> WebhookSendAsync(HttpContext http, FakeWeComState state, string? key)
    {
        var body = await FakeJson.ReadAsync(http);
        if (string.IsNullOrEmpty(key) || state.Options.InvalidWebhookKeys.Contains(key))
        {
            return Answer(state, "webhook/send", key ?? "", 93000, "invalid webhook url", body);
        }

        if (!state.TryCountRobotSend(key))
        {
            return Answer(state, "webhook/send", key, 45009, "api freq out of limit", body);
        }

        var code = CheckWebhookBody(body);
        return Answer(state, "webhook/send", key, code, code == 0 ? "ok" : "invalid message", body);
    }

    private static int CheckWebhookBody(JsonNode? body)
    {
        string? Content(string type) => body?[type]?["content"]?.GetValue<string>();
        switch (body?["msgtype"]?.GetValue<string>())
        {
            case "text":
                return Content("text") is not { Length: > 0 } text ? 44004 : Encoding.UTF8.GetByteCount(text) > 2048 ? 45002 : 0;
            case "markdown" or "markdown_v2":
                var type = body["msgtype"]!.GetValue<string>();
                return Content(type) is not { Length: > 0 } markdown ? 44004 : Encoding.UTF8.GetByteCount(markdown) > 4096 ? 45002 : 0;
            case "image":
                return body["image"]?["base64"] is null || body["image"]?["md5"] is null ? 40008 : 0;
            case "news":
                return body["news"]?["articles"] is JsonArray { Count: >= 1 and <= 8 } ? 0 : 40008;
            default:
                return 40008;
        }
    }

    private static IResult GetToken(FakeWeComState state, string? corpid, string? corpsecret)
    {
        if (corpid != state.Options.CorpId || corpsecret != state.Options.AppSecret)
        {
            return Answer(state, "gettoken", corpid ?? "", 40001, "invalid credential", null);
        }

        var token = state.IssueToken();
        state.Record("gettoken", corpid, 0, null);
        return Results.Json(new { errcode = 0, errmsg = "ok", access_token = token, expires_in = state.Options.TokenLifetimeSeconds });
    }

    private static async Task<IResult> MessageSendAsync(HttpContext http, FakeWeComState state, string? access_token)
    {
        var body = await FakeJson.ReadAsync(http);
        var target = body?["touser"]?.GetValue<string>() ?? "";
        var code = state.CheckToken(access_token);
        return Answer(state, "message/send", target, code, code switch { 0 => "ok", 42001 => "access_token expired", _ => "invalid access_token" }, body);
    }

    private static async Task<IResult> AiBotResponseAsync(HttpContext http, FakeWeComState state, string? response_code)
    {
        var body = await FakeJson.ReadAsync(http);

        // The real server's code for a reused or unknown response_url is undocumented: 40029 ("invalid code") stands in.
        var code = !string.IsNullOrEmpty(response_code) && state.TryUseResponseCode(response_code) ? 0 : 40029;
        return Answer(state, "aibot/response", response_code ?? "", code, code == 0 ? "ok" : "invalid response_code", body);
    }

    private static IResult Answer(FakeWeComState state, string api, string target, int errcode, string errmsg, JsonNode? body)
    {
        state.Record(api, target, errcode, body);
        return Results.Json(new { errcode, errmsg });
    }

    private static string Api(HttpContext http) => http.Request.Path.Value!["/cgi-bin/".Length..];
}
