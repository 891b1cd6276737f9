using GridBot.Dialogs.Reminders;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Host.Ledgers;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using static GridBot.Host.StaffConsole.ConsoleHtml;

namespace GridBot.Host.StaffConsole;

/// <summary>The signed-in pages. Every handler reads <see cref="ConsoleRequest"/>; a ticket or grid outside the scope is a 404.</summary>
public static class ConsolePageEndpoints
{
    private const string NoticeCookie = "gridbot_console_notice";

    public static RouteGroupBuilder MapConsolePages(this RouteGroupBuilder console)
    {
        var pages = console.MapGroup("").AddEndpointFilter<ConsoleAuthFilter>();
        pages.MapGet("", BoardAsync);
        pages.MapGet("/tickets/{number}", TicketAsync);
        pages.MapPost("/tickets/{number}/actions", ActAsync);
        pages.MapGet("/grids", GridsAsync);
        pages.MapGet("/charts", (HttpContext http) => Page("图表", ConsoleRequest.Of(http).Session, "/console/charts",
            "<div class=\"charts\">" +
            "<figure><img src=\"/console/charts/daily.svg\" alt=\"近30天每日新增与办结工单柱状图\" width=\"560\" height=\"320\"></figure>" +
            "<figure><img src=\"/console/charts/categories.svg\" alt=\"近30天各类别工单数柱状图\" width=\"560\" height=\"320\"></figure>" +
            "<figure><img src=\"/console/charts/grids.svg\" alt=\"各网格按时办结率与满意率柱状图\" width=\"560\" height=\"320\"></figure>" +
            "</div><p class=\"hint\">数字明细见“网格概况”。</p>"));
        pages.MapGet("/charts/{name}.svg", ChartAsync);
        pages.MapGet("/schedules", SchedulesAsync);
        pages.MapGet("/announcements", AnnouncementsView.ListAsync);
        pages.MapGet("/announcements/{number:int}", AnnouncementsView.DetailAsync);
        pages.MapGet("/ledger", LedgerPageAsync);
        pages.MapGet("/ledger.xlsx", LedgerEndpoints.ExportForConsoleAsync);
        return console;
    }

    private static async Task<IResult> BoardAsync(HttpContext http, BoardQuery query, GridBotDbContext db, TaxonomyProvider taxonomy, ShanghaiTime clock)
    {
        var request = ConsoleRequest.Of(http);
        var filter = BoardFilter.From(http.Request.Query);
        var page = await query.RunAsync(request.Scope, filter, http.RequestAborted);
        if (page is null)
        {
            return NotFound(request.Session);
        }

        var grids = await GridOptionsAsync(db, request.Scope, http.RequestAborted);
        return Page("工单", request.Session, "/console",
            BoardView.Render(filter, page, grids, [.. taxonomy.Current.Categories.Select(c => c.Name)], clock));
    }

    private static async Task<IResult> TicketAsync(HttpContext http, string number, GridBotDbContext db, ShanghaiTime clock)
    {
        var request = ConsoleRequest.Of(http);
        var ticket = await FindAsync(db, request.Scope, number, http.RequestAborted);
        if (ticket is null)
        {
            return NotFound(request.Session);
        }

        var notice = http.Request.Cookies[NoticeCookie];
        if (notice is not null)
        {
            http.Response.Cookies.Delete(NoticeCookie, new CookieOptions { Path = "/console" });
        }

        var assignees = await AssigneesAsync(db, ticket, request.Session, http.RequestAborted);
        return Page("工单 " + ticket.Number, request.Session, "/console",
            TicketView.Render(ticket, request.Session, assignees, clock, notice is null ? null : Uri.UnescapeDataString(notice)));
    }

    private static async Task<IResult> ActAsync(HttpContext http, string number, GridBotDbContext db, ConsoleTicketActions actions)
    {
        var request = ConsoleRequest.Of(http);
        var ticket = await FindAsync(db, request.Scope, number, http.RequestAborted);
        if (ticket is null)
        {
            return NotFound(request.Session);
        }

        if (!request.Session.CanAct)
        {
            return Page("无法办理", request.Session, "/console", "<p class=\"error\" role=\"alert\">令牌登录只能查看和导出，请用本人的登录链接办理工单。</p>", StatusCodes.Status403Forbidden);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var action = form["action"].ToString() switch
        {
            "accept" => TicketAction.Accept,
            "assign" => TicketAction.Assign,
            "resolve" => TicketAction.Resolve,
            "answer" => TicketAction.Answer,
            "escalate" => TicketAction.Escalate,
            _ => (TicketAction?)null,
        };
        var command = action is { } a ? ConsoleTicketActions.CommandFor(a, ticket.Number, form["text"]) : null;
        var reply = command is null ? "请填写完整后再提交。" : await actions.RunAsync(request.Session, command, http.RequestAborted);
        // Post/redirect/get: a refresh does not repeat the action; the bot's answer rides along in a one-minute cookie.
        http.Response.Cookies.Append(NoticeCookie, Uri.EscapeDataString(reply), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/console", MaxAge = TimeSpan.FromMinutes(1),
        });
        return Results.Redirect("/console/tickets/" + Uri.EscapeDataString(ticket.Number));
    }

    private static async Task<IResult> GridsAsync(HttpContext http, GridOverviewQuery overview)
    {
        var request = ConsoleRequest.Of(http);
        return Page("网格概况", request.Session, "/console/grids", GridOverviewView.Render(await overview.RunAsync(request.Scope, http.RequestAborted)));
    }

    private static async Task<IResult> ChartAsync(HttpContext http, string name, ChartQuery charts)
    {
        var request = ConsoleRequest.Of(http);
        var svg = name switch
        {
            "daily" => await charts.DailyAsync(request.Scope, http.RequestAborted),
            "categories" => await charts.CategoriesAsync(request.Scope, http.RequestAborted),
            "grids" => await charts.GridsAsync(request.Scope, http.RequestAborted),
            _ => null,
        };
        return svg is null ? Results.NotFound() : Results.Text(svg, "image/svg+xml; charset=utf-8");
    }

    private static async Task<IResult> SchedulesAsync(HttpContext http, SchedulePlanner planner, TimeProvider time)
    {
        var request = ConsoleRequest.Of(http);
        var now = time.GetUtcNow().UtcDateTime;
        var slots = await planner.SlotsAsync([Store.Schedules.ScheduleKind.DailyHuddle, Store.Schedules.ScheduleKind.WeeklyMeeting], now, now.AddDays(8), null, http.RequestAborted);
        return Page("日程", request.Session, "/console/schedules",
            SchedulesView.Render([.. slots.Where(s => request.Scope.Contains(s.Target.Path))]));
    }

    private static async Task<IResult> LedgerPageAsync(HttpContext http, GridBotDbContext db, ShanghaiTime clock)
    {
        var request = ConsoleRequest.Of(http);
        var grids = await GridOptionsAsync(db, request.Scope, http.RequestAborted);
        var today = clock.Today;
        var options = string.Concat(grids.Select(g => $"<option value=\"{E(g.Code)}\">{E(g.Name)}</option>"));
        return Page("导出台账", request.Session, "/console",
            "<form class=\"filters\" method=\"get\" action=\"/console/ledger.xlsx\">" +
            $"<label class=\"field\"><span>范围</span><select name=\"scope\"><option value=\"\">本辖区全部</option>{options}</select></label>" +
            $"<label class=\"field\"><span>开始日期</span><input type=\"date\" name=\"from\" value=\"{today.AddDays(1 - today.Day):yyyy-MM-dd}\" required></label>" +
            $"<label class=\"field\"><span>结束日期</span><input type=\"date\" name=\"to\" value=\"{today:yyyy-MM-dd}\" required></label>" +
            "<div class=\"buttons\"><button type=\"submit\">下载 Excel 台账</button></div></form>" +
            "<p class=\"hint\">每个工单一行（按登记时间），另附“网格月度统计”表；电话已打码。</p>");
    }

    private static async Task<Ticket?> FindAsync(GridBotDbContext db, GridScope scope, string number, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .Include(t => t.Grid).Include(t => t.Reporters).Include(t => t.Attachments).Include(t => t.Events)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Number == number.ToUpperInvariant(), cancellationToken);
        return ticket is not null && scope.Contains(ticket.Grid!.Path) ? ticket : null;
    }

    /// <summary>
    /// Staff on the ticket's grid line (its grid, the grids above and below it) on the member's channel: the people
    /// 派单 finds by name, offered as a list because typing names on a phone is slow. The command still decides.
    /// </summary>
    private static async Task<IReadOnlyList<(string Name, string Role)>> AssigneesAsync(GridBotDbContext db, Ticket ticket, ConsoleSession session, CancellationToken cancellationToken)
    {
        if (!session.CanAct)
        {
            return [];
        }

        var staff = await db.Members.AsNoTracking().InScopeOrCovering(GridScope.Of(ticket.Grid!), ticket.Grid!.Path)
            .Where(m => m.Channel == session.Channel && MemberRoleExtensions.StaffRoles.Contains(m.Role))
            .OrderBy(m => m.Name).Select(m => new { m.Name, m.Role })
            .Take(200)
            .ToListAsync(cancellationToken);
        return [.. staff.DistinctBy(m => m.Name).Select(m => (m.Name, Endpoints.RoleNames.Of(m.Role)))];
    }

    /// <summary>Streets, communities and grids of the scope (micro-grids would make the list too long to use).</summary>
    private static async Task<IReadOnlyList<(string Code, string Name)>> GridOptionsAsync(GridBotDbContext db, GridScope scope, CancellationToken cancellationToken)
    {
        GridLevel[] levels = [GridLevel.Street, GridLevel.Community, GridLevel.Grid];
        var rows = await db.Grids.AsNoTracking().InScope(scope).Where(g => levels.Contains(g.Level))
            .OrderBy(g => g.Path).Select(g => new { g.Code, g.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Code, r.Name))];
    }

    private static IResult NotFound(ConsoleSession session) =>
        Page("未找到", session, "", "<p>没有找到该工单或网格，或它不在您的辖区内。</p><p><a href=\"/console\">返回工单列表</a></p>", StatusCodes.Status404NotFound);
}
