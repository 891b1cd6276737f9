using System.Globalization;
using static GridBot.Host.Tests.Authorization.AuthorizationWorld;

namespace GridBot.Host.Tests.Authorization;

/// <summary>Every row id of docs/AUTHORIZATION.md and how to perform it against the world.</summary>
public static class MatrixActions
{
    public static IReadOnlyDictionary<string, MatrixRow> For(AuthorizationWorld w)
    {
        var announcement = w.GridAnnouncement.ToString(CultureInfo.InvariantCulture);
        var due = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        MatrixRow[] rows =
        [
            Chat(w, "chat.help", "帮助", "进度 <工单号>"),
            Chat(w, "chat.mine", "我的工单", "您最近反映的问题", "您还没有反映过问题"),
            Chat(w, "chat.policy", "政策 医保", "相关的公告："),
            Chat(w, "chat.faq", "问答 医保", "相关的问答："),
            Chat(w, "chat.ask", "咨询 社区助餐服务怎么申请", "已记为咨询"),
            Chat(w, "chat.tickets", "工单", "未办结工单"),
            Chat(w, "chat.stats", "统计", "新登记"),
            Chat(w, "chat.remind.list", "提醒 列表", "日碰头"),
            Chat(w, "chat.remind.set", "提醒 日碰头 17:45", "改为"),
            Chat(w, "chat.console", "控制台", inPrivate: true, "工作台登录链接"),
            Chat(w, "chat.receipts", $"公告 回执 {announcement}", "回执"),
            new("chat.announce", async (role, ct) =>
            {
                var seen = await w.SayAsync(role, "公告 关于楼道堆物清理的通知\n请于本周五前清理。", inPrivate: false, ct);
                if (seen.Text.Contains("回复“确认”发送", StringComparison.Ordinal))
                {
                    await w.SayAsync(role, "取消", inPrivate: false, ct);
                }

                return seen;
            }, o => o.Status == 200 && o.Text.Contains("回复“确认”发送", StringComparison.Ordinal)),
            Ticket(w, "chat.status", TicketSetup.New, n => $"进度 {n}", "当前状态", moves: false),
            Ticket(w, "chat.rate", TicketSetup.Resolved, n => $"满意 {n}", "感谢"),
            Ticket(w, "chat.show", TicketSetup.New, n => $"详情 {n}", "处理记录", moves: false),
            Ticket(w, "chat.show.private", TicketSetup.New, n => $"详情 {n}", "处理记录", moves: false, inPrivate: true),
            Ticket(w, "chat.accept", TicketSetup.New, n => $"受理 {n}", "已受理工单"),
            Ticket(w, "chat.assign", TicketSetup.New, n => $"派单 {n} @李明", "已派给您"),
            Ticket(w, "chat.start", TicketSetup.Assigned, n => $"处理 {n}", "已标记为处理中"),
            Ticket(w, "chat.close", TicketSetup.New, n => $"办结 {n} 已更换灯泡", "已办结"),
            Ticket(w, "chat.answer", TicketSetup.Consultation, n => $"答复 {n} 带身份证到社区服务中心登记即可", "已答复"),
            Ticket(w, "chat.reject", TicketSetup.New, n => $"退回 {n} 重复反映", "暂不立案"),
            Ticket(w, "chat.escalate", TicketSetup.New, n => $"升级 {n} 需要物业配合", "已升级"),
            Ticket(w, "chat.recategorize", TicketSetup.New, n => $"重新分类 {n} 安全隐患", "改为“安全隐患”"),
            Ticket(w, "chat.split", TicketSetup.New, n => $"拆分 {n}", "只有一位反映人", moves: false),
            Ticket(w, "chat.dispatch-order", TicketSetup.New, n => $"派工单 {n} @城管中队 截止 {due}", "已下派派工单", moves: false),
            Withdraw(w, "chat.withdraw", GridCode, async (role, number, ct) => await w.SayAsync(role, $"撤回 {number}", inPrivate: false, ct),
                o => o.Status == 200 && o.Text.Contains("已撤回公告", StringComparison.Ordinal)),
            Api(w, "api.tickets", HttpMethod.Get, $"/api/tickets?grid={GridCode}"),
            TicketHttp(w, "api.ticket", (role, n, ct) => w.SendAsync(role, HttpMethod.Get, $"/api/tickets/{n}", null, ct)),
            Api(w, "api.digest", HttpMethod.Get, $"/api/digests?scope={CommunityCode}"),
            Api(w, "api.ledger", HttpMethod.Get, $"/api/ledgers/tickets.xlsx?scope={GridCode}"),
            Api(w, "api.announce", HttpMethod.Post, "/api/announcements", new { title = "演练通知", body = "周五消防演练。", targets = new[] { GridCode }, dryRun = true }),
            Api(w, "api.announcement", HttpMethod.Get, $"/api/announcements/{announcement}"),
            Withdraw(w, "api.withdraw", CommunityCode, (role, number, ct) => w.SendAsync(role, HttpMethod.Post, $"/api/announcements/{number}/withdraw", new { by = "测试" }, ct),
                o => o.Status == 200),
            Console(w, "console.board", $"/console?grid={GridCode}"),
            TicketHttp(w, "console.ticket", (role, n, ct) => w.ConsoleGetAsync(role, $"/console/tickets/{n}", ct)),
            ConsoleAct(w, "console.accept", "accept", "", byToken: false),
            ConsoleAct(w, "console.close", "resolve", "已修复", byToken: false),
            ConsoleAct(w, "console.token-act", "accept", "", byToken: true),
            Console(w, "console.grids", "/console/grids"),
            Console(w, "console.charts", "/console/charts/daily.svg"),
            Console(w, "console.schedules", "/console/schedules"),
            Console(w, "console.announcement", $"/console/announcements/{announcement}"),
            Console(w, "console.ledger", $"/console/ledger.xlsx?scope={GridCode}"),
            Public(w, "web.setup", HttpMethod.Get, "/api/webchat/setup"),
            new("web.feed", (role, ct) => FeedAsync(w, ct), Ok),
            Public(w, "health", HttpMethod.Get, "/healthz"),
            Public(w, "open311.list", HttpMethod.Get, "/open311/v2/requests.json"),
            TicketHttp(w, "open311.request", (role, n, ct) => PublicAsync(w, HttpMethod.Get, $"/open311/v2/requests/{n}.xml", null, ct)),
            new("open311.file", (role, ct) => PublicAsync(w, HttpMethod.Post, "/open311/v2/requests.json", new FormUrlEncodedContent(
            [
                new("api_key", role == MatrixRole.NoToken ? "wrong-open311-key-0123456789" : ""),
                new("service_code", "民生服务"), new("jurisdiction_id", GridCode), new("description", "路灯坏了"),
            ]), ct), o => o.Status == 201),
        ];
        return rows.ToDictionary(r => r.Id);
    }

    private static bool Ok(Observation o) => o.Status is 200 or 201;

    private static MatrixRow Chat(AuthorizationWorld w, string id, string text, params string[] success) => Chat(w, id, text, false, success);

    /// <param name="success">Any of these in the reply means the command ran.</param>
    private static MatrixRow Chat(AuthorizationWorld w, string id, string text, bool inPrivate, params string[] success) =>
        new(id, (role, ct) => w.SayAsync(role, text, inPrivate, ct), o => o.Status == 200 && success.Any(s => o.Text.Contains(s, StringComparison.Ordinal)));

    /// <summary>A command on a ticket of the grid; its state before and after tells whether the cell changed it.</summary>
    private static MatrixRow Ticket(AuthorizationWorld w, string id, TicketSetup setup, Func<string, string> command, string success, bool moves = true, bool inPrivate = false) =>
        new(id, (role, ct) => OnTicketAsync(w, id, setup, (r, n, c) => w.SayAsync(r, command(n), inPrivate, c), role, ct),
            o => o.Status == 200 && o.Text.Contains(success, StringComparison.Ordinal), moves);

    private static MatrixRow TicketHttp(AuthorizationWorld w, string id, Func<MatrixRole, string, CancellationToken, Task<Observation>> perform) =>
        new(id, (role, ct) => OnTicketAsync(w, id, TicketSetup.New, perform, role, ct), Ok);

    private static MatrixRow ConsoleAct(AuthorizationWorld w, string id, string action, string text, bool byToken) =>
        new(id, (role, ct) => OnTicketAsync(w, id, TicketSetup.New, (r, n, c) => w.ConsoleActAsync(r, byToken, n, action, text, c), role, ct),
            o => o.Status == 302 && o.Location?.StartsWith("/console/tickets/", StringComparison.Ordinal) == true, Moves: true);

    private static async Task<Observation> OnTicketAsync(AuthorizationWorld w, string id, TicketSetup setup,
        Func<MatrixRole, string, CancellationToken, Task<Observation>> perform, MatrixRole role, CancellationToken ct)
    {
        var number = await w.TicketAsync(id, setup, ct);
        var before = await w.TicketStateAsync(number);
        var seen = await perform(role, number, ct);
        var changed = before != await w.TicketStateAsync(number);
        if (changed)
        {
            w.Spend(id);
        }

        return seen with { Changed = changed };
    }

    private static MatrixRow Withdraw(AuthorizationWorld w, string id, string target, Func<MatrixRole, string, CancellationToken, Task<Observation>> perform, Func<Observation, bool> success) =>
        new(id, async (role, ct) =>
        {
            var number = await w.AnnouncementAsync(id, target, ct);
            var seen = await perform(role, number, ct);
            var changed = await w.AnnouncementStateAsync(int.Parse(number, CultureInfo.InvariantCulture)) == "withdrawn";
            if (changed)
            {
                w.Spend(id);
            }

            return seen with { Changed = changed };
        }, success, Moves: true);

    private static MatrixRow Api(AuthorizationWorld w, string id, HttpMethod method, string url, object? json = null) =>
        new(id, (role, ct) => w.SendAsync(role, method, url, json, ct), Ok);

    private static MatrixRow Console(AuthorizationWorld w, string id, string url) =>
        new(id, (role, ct) => w.ConsoleGetAsync(role, url, ct), Ok);

    /// <summary>Public endpoints: every role makes the same anonymous call.</summary>
    private static MatrixRow Public(AuthorizationWorld w, string id, HttpMethod method, string url) =>
        new(id, (role, ct) => PublicAsync(w, method, url, null, ct), Ok);

    private static async Task<Observation> PublicAsync(AuthorizationWorld w, HttpMethod method, string url, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await w.Host.Http.SendAsync(request, ct);
        return new Observation((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>
    /// The chat page's feed of the grid's group. The console's 办结 told the group through the outbox; the feed shows
    /// sent rows only, so it is polled until the dispatcher has sent one (the check is the masked phone in it).
    /// </summary>
    private static async Task<Observation> FeedAsync(AuthorizationWorld w, CancellationToken ct)
    {
        while (true)
        {
            var seen = await PublicAsync(w, HttpMethod.Get, $"/api/webchat/conversations/{GridChat}/activities?after=0", null, ct);
            if (seen.Status != 200 || seen.Text.Contains(MaskedPhone, StringComparison.Ordinal) || seen.Text.Contains(Phone, StringComparison.Ordinal))
            {
                return seen;
            }

            await Task.Delay(50, ct);
        }
    }
}
