using System.Text.Json.Nodes;

namespace GridBot.FakeWeCom;

/// <summary>
/// 微信客服 on the fake: sync_msg (token, cursor, paging), send_msg (state, 48 h, 5 sends: 95018 / 95002 / 95001),
/// send_msg_on_event (one-time codes), service_state/get|trans (transition table, 95016, 95014) and add_contact_way;
/// and the control API that plays residents: /_fake/kf/messages, /_fake/kf/enter, /_fake/kf/servicer-ends.
/// </summary>
public static class FakeKfEndpoints
{
    public static WebApplication MapFakeKf(this WebApplication app)
    {
        app.MapPost("/cgi-bin/kf/sync_msg", SyncAsync);
        app.MapPost("/cgi-bin/kf/send_msg", SendAsync);
        app.MapPost("/cgi-bin/kf/send_msg_on_event", SendOnEventAsync);
        app.MapPost("/cgi-bin/kf/service_state/trans", TransAsync);
        app.MapPost("/cgi-bin/kf/service_state/get", GetStateAsync);
        app.MapPost("/cgi-bin/kf/add_contact_way", AddContactWayAsync);
        app.MapPost("/_fake/kf/messages", CustomerMessagesAsync);
        app.MapPost("/_fake/kf/enter", EnterAsync);
        app.MapPost("/_fake/kf/servicer-ends", ServicerEndsAsync);
        app.MapGet("/_fake/kf/state", (FakeKfState kf, string openKfid, string externalUserid) =>
        {
            var (state, servicer) = kf.ServiceState(openKfid, externalUserid);
            return Results.Json(new { service_state = state, servicer_userid = servicer, sync_calls = kf.SyncCalls });
        });
        return app;
    }

    private static async Task<IResult> SyncAsync(HttpContext http, FakeWeComState state, FakeKfState kf, string? access_token)
    {
        var body = await FakeJson.ReadAsync(http);
        var openKfid = Text(body, "open_kfid");
        if (state.CheckToken(access_token) is not 0 and var tokenCode)
        {
            return Answer(state, "kf/sync_msg", openKfid, tokenCode, body);
        }

        var (errcode, page) = kf.Sync(openKfid, Text(body, "token"), Text(body, "cursor"), body?["limit"]?.GetValue<int>() ?? 1000);
        state.Record("kf/sync_msg", openKfid ?? "", errcode, body);
        return page is null ? Results.Json(new { errcode, errmsg = "error" }) : Results.Json(page);
    }

    private static async Task<IResult> SendAsync(HttpContext http, FakeWeComState state, FakeKfState kf, string? access_token)
    {
        var body = await FakeJson.ReadAsync(http);
        var touser = Text(body, "touser");
        var code = state.CheckToken(access_token);
        if (code == 0)
        {
            code = Text(body?["text"], "content") is { Length: > 0 and <= 2048 } ? kf.Send(Text(body, "open_kfid"), touser, Text(body, "msgid")) : FakeKfState.InvalidParameter;
        }

        return Answer(state, "kf/send_msg", touser, code, body);
    }

    private static async Task<IResult> SendOnEventAsync(HttpContext http, FakeWeComState state, FakeKfState kf, string? access_token)
    {
        var body = await FakeJson.ReadAsync(http);
        var code = state.CheckToken(access_token);
        if (code == 0)
        {
            code = kf.UseCode(Text(body, "code"));
        }

        return Answer(state, "kf/send_msg_on_event", Text(body, "code"), code, body);
    }

    private static async Task<IResult> TransAsync(HttpContext http, FakeWeComState state, FakeKfState kf, string? access_token)
    {
        var body = await FakeJson.ReadAsync(http);
        var target = Text(body, "external_userid");
        var code = state.CheckToken(access_token);
        string? msgCode = null;
        if (code == 0)
        {
            (code, msgCode) = kf.Trans(Text(body, "open_kfid"), target, body?["service_state"]?.GetValue<int>() ?? -1, Text(body, "servicer_userid"));
        }

        state.Record("kf/service_state/trans", target ?? "", code, body);
        return Results.Json(new { errcode = code, errmsg = code == 0 ? "ok" : "error", msg_code = msgCode });
    }

    private static async Task<IResult> GetStateAsync(HttpContext http, FakeWeComState state, FakeKfState kf, string? access_token)
    {
        var body = await FakeJson.ReadAsync(http);
        if (state.CheckToken(access_token) is not 0 and var code)
        {
            return Answer(state, "kf/service_state/get", "", code, body);
        }

        var (serviceState, servicer) = kf.ServiceState(Text(body, "open_kfid") ?? "", Text(body, "external_userid") ?? "");
        return Results.Json(new { errcode = 0, errmsg = "ok", service_state = serviceState, servicer_userid = servicer });
    }

    private static async Task<IResult> AddContactWayAsync(HttpContext http, FakeWeComState state, string? access_token)
    {
        var body = await FakeJson.ReadAsync(http);
        var openKfid = Text(body, "open_kfid");
        var scene = Text(body, "scene") ?? "";
        var code = state.CheckToken(access_token);
        if (code == 0 && (string.IsNullOrEmpty(openKfid) || scene.Length > 32 || !scene.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            code = FakeKfState.InvalidParameter;
        }

        state.Record("kf/add_contact_way", openKfid ?? "", code, body);
        if (code != 0)
        {
            return Results.Json(new { errcode = code, errmsg = "error" });
        }

        var url = $"https://work.weixin.qq.com/kfid/{openKfid}" + (scene.Length > 0 ? "?enc_scene=" + scene : "");
        return Results.Json(new { errcode = 0, errmsg = "ok", url });
    }

    /// <summary>Body <c>{"openKfid":"…","callback":true,"messages":[…]}</c>: the messages land, then one callback is pushed.</summary>
    private static async Task<IResult> CustomerMessagesAsync(FakeKfState kf, FakeKfCallbacks callbacks, FakeKfMessagesRequest request, CancellationToken cancellationToken)
    {
        var ids = kf.AddCustomerMessages(request.OpenKfid, request.Messages);
        var status = request.Callback ? await callbacks.PushAsync(request.OpenKfid, kf.MintToken(), cancellationToken) : 0;
        return Results.Json(new { msgids = ids, callback_status = status });
    }

    /// <summary>Body <c>{"openKfid":"…","externalUserid":"…","scene":"…"}</c>: a resident scans a link's QR code.</summary>
    private static async Task<IResult> EnterAsync(FakeKfState kf, FakeKfCallbacks callbacks, FakeKfEnterRequest request, CancellationToken cancellationToken)
    {
        var welcomeCode = kf.EnterSession(request.OpenKfid, request.ExternalUserid, request.Scene, request.SceneParam);
        var status = await callbacks.PushAsync(request.OpenKfid, kf.MintToken(), cancellationToken);
        return Results.Json(new { welcome_code = welcomeCode, callback_status = status });
    }

    private static async Task<IResult> ServicerEndsAsync(FakeKfState kf, FakeKfCallbacks callbacks, FakeKfEnterRequest request, CancellationToken cancellationToken)
    {
        kf.ServicerEnds(request.OpenKfid, request.ExternalUserid);
        var status = await callbacks.PushAsync(request.OpenKfid, kf.MintToken(), cancellationToken);
        return Results.Json(new { callback_status = status });
    }

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IResult Answer(FakeWeComState state, string api, string? target, int errcode, JsonNode? body)
    {
        state.Record(api, target ?? "", errcode, body);
        return Results.Json(new { errcode, errmsg = errcode == 0 ? "ok" : "error" });
    }
}
