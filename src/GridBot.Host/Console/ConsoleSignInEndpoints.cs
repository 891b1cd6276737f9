using GridBot.Dialogs.StaffConsole;
using GridBot.Store;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;
using static GridBot.Host.StaffConsole.ConsoleHtml;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// Signing in: a staff token typed into a form, or a one-time link from the bot. A link's GET only shows a button
/// (chat apps open links to preview them, which must not use the link up); the POST claims it and sets the cookie,
/// and every success redirects to /console, so no token stays in the address bar or the history.
/// </summary>
public static class ConsoleSignInEndpoints
{
    public static RouteGroupBuilder MapConsoleSignIn(this RouteGroupBuilder console)
    {
        console.MapGet("/signin", () => SignInPage(null));
        console.MapPost("/signin", SignInAsync);
        console.MapGet("/link", (string? t) => LinkPage(t));
        console.MapPost("/link", ExchangeLinkAsync);
        console.MapPost("/signout", (HttpContext http) =>
        {
            ConsoleSessionCookie.End(http);
            return Results.Redirect("/console/signin");
        }).AddEndpointFilter<ConsoleAuthFilter>();
        return console;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignInThrottle throttle, StaffTokens tokens, ConsoleSessionCookie cookie, GridBotDbContext db)
    {
        if (!throttle.TryEnter(http))
        {
            return SignInPage("登录尝试过于频繁，请一分钟后再试。", StatusCodes.Status429TooManyRequests);
        }

        var form = await SmallForm.ReadAsync(http) ?? FormCollection.Empty;
        var token = tokens.Match(form["token"].ToString().Trim());
        var scope = token is null ? null : await GridScope.ResolveAsync(db, token.GridCode, http.RequestAborted);
        if (token is null || scope is null)
        {
            return SignInPage("令牌无效。", StatusCodes.Status401Unauthorized);
        }

        var name = scope.Code is null ? "令牌用户（全部网格）" : "令牌用户（" + await db.Grids.Where(g => g.Code == scope.Code).Select(g => g.Name).FirstAsync(http.RequestAborted) + "）";
        cookie.Start(http, name, scope.Code, channel: null, userId: null);
        return Results.Redirect("/console");
    }

    private static async Task<IResult> ExchangeLinkAsync(HttpContext http, SignInThrottle throttle, ConsoleSessionCookie cookie, GridBotDbContext db, TimeProvider time)
    {
        if (!throttle.TryEnter(http))
        {
            return SignInPage("登录尝试过于频繁，请一分钟后再试。", StatusCodes.Status429TooManyRequests);
        }

        var form = await SmallForm.ReadAsync(http) ?? FormCollection.Empty;
        var hash = ConsoleLinkIssuer.Hash(form["t"].ToString());
        var now = time.GetUtcNow().UtcDateTime;
        var link = await db.ConsoleSignInLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash && l.UsedUtc == null && l.ExpiresUtc > now, http.RequestAborted);
        // Claimed by a conditional update: of two requests racing with one link, exactly one changes the row.
        var claimed = link is not null && await db.ConsoleSignInLinks
            .Where(l => l.Id == link.Id && l.UsedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedUtc, now), http.RequestAborted) == 1;
        var member = claimed
            ? (await db.Members.AsNoTracking().Include(m => m.Grid).Where(m => m.Channel == link!.Channel && m.UserId == link.UserId).ToListAsync(http.RequestAborted))
                .Where(m => m.Role.IsStaff()).OrderByDescending(m => m.Role).FirstOrDefault()
            : null;
        if (member is null)
        {
            return SignInPage("登录链接无效、已使用或已过期，请在私聊中重新发送“控制台”获取。", StatusCodes.Status400BadRequest);
        }

        cookie.Start(http, member.Name, member.Grid!.Code, member.Channel, member.UserId);
        return Results.Redirect("/console");
    }

    private static IResult LinkPage(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return SignInPage("登录链接不完整，请在私聊中重新发送“控制台”获取。", StatusCodes.Status400BadRequest);
        }

        return Page("确认登录", null, "",
            "<p>点击下面的按钮进入网格工作台。链接只能使用一次。</p><form method=\"post\" action=\"/console/link\">" +
            $"<input type=\"hidden\" name=\"t\" value=\"{E(token)}\"><button type=\"submit\">进入工作台</button></form>");
    }

    private static IResult SignInPage(string? error, int status = StatusCodes.Status200OK) => Page("登录", null, "",
        (error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>") +
        "<form class=\"signin\" method=\"post\" action=\"/console/signin\">" +
        "<label for=\"token\">工作人员令牌</label><input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required>" +
        "<button type=\"submit\">登录</button></form>" +
        "<p class=\"hint\">网格员、网格长和社区、街道工作人员也可以在私聊中向机器人发送“控制台”，获取本人的一次性登录链接。</p>", status);
}
