using System.Text.Json.Nodes;

namespace GridBot.FakeWeCom;

/// <summary>
/// The long connection at ws://…/ (as wss://openws.work.weixin.qq.com serves it at its root) and its control API:
/// POST /_fake/aibot/callback pushes a message or event callback to the subscribed connection, POST /_fake/aibot/faults
/// injects faults, GET /_fake/aibot/stats counts subscribes, kicks and order violations. Frames are in /_fake/records.
/// </summary>
internal static class FakeAiBotEndpoints
{
    public static WebApplication MapFakeAiBot(this WebApplication app)
    {
        app.UseWebSockets();
        app.Map("/", async (HttpContext http, FakeAiBotHub hub) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                return Results.NotFound();
            }

            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await hub.RunAsync(socket, http.RequestAborted);
            return Results.Empty;
        });
        app.MapPost("/_fake/aibot/callback", async (FakeAiBotHub hub, JsonObject request, CancellationToken cancellationToken) =>
        {
            var cmd = request["cmd"]?.GetValue<string>() ?? "aibot_msg_callback";
            if (request["body"] is not JsonObject body || cmd is not ("aibot_msg_callback" or "aibot_event_callback"))
            {
                return Results.BadRequest();
            }

            var reqId = await hub.PushCallbackAsync(cmd, body, cancellationToken);
            return reqId is null ? Results.Conflict(new { error = "no subscribed connection" }) : Results.Json(new { reqId });
        });
        app.MapPost("/_fake/aibot/faults", async (FakeAiBotHub hub, FakeAiBotFaults faults, CancellationToken cancellationToken) =>
        {
            await hub.ApplyFaultsAsync(faults, cancellationToken);
            return Results.Ok();
        });
        app.MapGet("/_fake/aibot/stats", (FakeAiBotHub hub) => Results.Json(hub.Stats()));
        return app;
    }
}
