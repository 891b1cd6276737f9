using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace GridBot.FakeWeCom;

/// <summary>
/// Customer groups on the fake: groupchat/list (owner filter required — the fake plays a tenant with more than 1000
/// people in range, so a call without one gets 81017; ≤ 100 owners; cursor paging) and groupchat/get; groups are
/// put in place with POST /_fake/groupchats (an existing chat_id is replaced). Mass-send: add_msg_template (chat_type
/// group, sender required, ≤ 2000 chat ids of that owner, else fail_list) makes a task that sends nothing until the
/// owner confirms it (POST /_fake/groupmsg/confirm?msgid=…); get_groupmsg_task reports status 0 or 2.
/// </summary>
public static class FakeGroupChatEndpoints
{
    public const int NeedsOwnerFilter = 81017;

    public static WebApplication MapFakeGroupChats(this WebApplication app)
    {
        var groups = new ConcurrentDictionary<string, FakeGroupChat>(StringComparer.Ordinal);
        app.MapPost("/_fake/groupchats", (List<FakeGroupChat> chats) =>
        {
            foreach (var chat in chats)
            {
                groups[chat.ChatId] = chat;
            }
        });
        app.MapPost("/cgi-bin/externalcontact/groupchat/list", async (HttpContext http, FakeWeComState state, string? access_token) =>
        {
            var body = await FakeJson.ReadAsync(http);
            var owners = (body?["owner_filter"]?["userid_list"] as JsonArray)?.Select(n => n?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            var code = state.CheckToken(access_token) is not 0 and var tokenCode ? tokenCode
                : owners is null || owners.Count == 0 ? NeedsOwnerFilter
                : owners.Count > 100 ? FakeKfState.InvalidParameter
                : 0;
            state.Record("externalcontact/groupchat/list", "", code, body);
            if (code != 0)
            {
                return Results.Json(new { errcode = code, errmsg = "error" });
            }

            var matching = groups.Values.Where(g => owners!.Contains(g.Owner)).OrderBy(g => g.ChatId, StringComparer.Ordinal).ToList();
            var start = int.TryParse(body?["cursor"]?.GetValue<string>(), CultureInfo.InvariantCulture, out var position) ? position : 0;
            var limit = Math.Clamp(body?["limit"]?.GetValue<int>() ?? 100, 1, 1000);
            var page = matching.Skip(start).Take(limit).ToList();
            var next = start + page.Count < matching.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : "";
            return Results.Json(new { errcode = 0, errmsg = "ok", group_chat_list = page.Select(g => new { chat_id = g.ChatId, status = g.Status }), next_cursor = next });
        });
        app.MapPost("/cgi-bin/externalcontact/groupchat/get", async (HttpContext http, FakeWeComState state, string? access_token) =>
        {
            var body = await FakeJson.ReadAsync(http);
            var chatId = body?["chat_id"]?.GetValue<string>() ?? "";
            var code = state.CheckToken(access_token) is not 0 and var tokenCode ? tokenCode : groups.ContainsKey(chatId) ? 0 : FakeKfState.InvalidParameter;
            state.Record("externalcontact/groupchat/get", chatId, code, body);
            if (code != 0)
            {
                return Results.Json(new { errcode = code, errmsg = "error" });
            }

            var group = groups[chatId];
            return Results.Json(new
            {
                errcode = 0, errmsg = "ok",
                group_chat = new
                {
                    chat_id = group.ChatId, name = group.Name, owner = group.Owner,
                    member_list = group.Members.Select(m => new { userid = m.Userid, type = m.Type }),
                },
            });
        });
        var tasks = new ConcurrentDictionary<string, (string Sender, long SentAt)>(StringComparer.Ordinal);
        app.MapPost("/cgi-bin/externalcontact/add_msg_template", async (HttpContext http, FakeWeComState state, string? access_token) =>
        {
            var body = await FakeJson.ReadAsync(http);
            var sender = body?["sender"]?.GetValue<string>();
            var chatIds = (body?["chat_id_list"] as JsonArray)?.Select(n => n?.GetValue<string>() ?? "").ToList() ?? [];
            var code = state.CheckToken(access_token) is not 0 and var tokenCode ? tokenCode
                : body?["chat_type"]?.GetValue<string>() != "group" || string.IsNullOrEmpty(sender) || chatIds.Count is 0 or > 2000 ? FakeKfState.InvalidParameter
                : body?["text"]?["content"] is null ? FakeKfState.InvalidParameter
                : 0;
            state.Record("externalcontact/add_msg_template", sender ?? "", code, body);
            if (code != 0)
            {
                return Results.Json(new { errcode = code, errmsg = "error" });
            }

            var msgid = "msg" + Guid.NewGuid().ToString("N")[..16];
            tasks[msgid] = (sender!, 0);
            var failList = chatIds.Where(id => !groups.TryGetValue(id, out var g) || g.Owner != sender).ToList();
            return Results.Json(new { errcode = 0, errmsg = "ok", msgid, fail_list = failList });
        });
        app.MapPost("/cgi-bin/externalcontact/get_groupmsg_task", async (HttpContext http, FakeWeComState state, string? access_token) =>
        {
            var body = await FakeJson.ReadAsync(http);
            var msgid = body?["msgid"]?.GetValue<string>() ?? "";
            var code = state.CheckToken(access_token) is not 0 and var tokenCode ? tokenCode : tasks.ContainsKey(msgid) ? 0 : FakeKfState.InvalidParameter;
            state.Record("externalcontact/get_groupmsg_task", msgid, code, body);
            if (code != 0)
            {
                return Results.Json(new { errcode = code, errmsg = "error" });
            }

            var (sender, sentAt) = tasks[msgid];
            return Results.Json(new { errcode = 0, errmsg = "ok", task_list = new[] { new { userid = sender, status = sentAt > 0 ? 2 : 0, send_time = sentAt } } });
        });
        app.MapPost("/_fake/groupmsg/confirm", (FakeWeComState state, string msgid) =>
            tasks.TryGetValue(msgid, out var task) && tasks.TryUpdate(msgid, (task.Sender, state.Now.ToUnixTimeSeconds()), task) ? Results.Ok() : Results.NotFound());
        return app;
    }
}
