using System.Security.Cryptography;
using System.Text;
using GridBot.Store;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// Every console route: a valid session cookie (else to the sign-in page, or 401 for downloads), its scope resolved,
/// and on a POST the session's CSRF token in the form's "_csrf" field (SameSite=Strict is the first line, this the second).
/// </summary>
internal sealed class ConsoleAuthFilter(ConsoleSessionCookie cookie, GridBotDbContext db) : IEndpointFilter
{
    public const string CsrfField = "_csrf";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var session = cookie.Read(http);
        var scope = session is null ? null : await GridScope.ResolveAsync(db, session.ScopeCode, http.RequestAborted);
        if (session is null || scope is null)
        {
            return HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/api")
                ? Results.Redirect("/console/signin")
                : Results.Problem(title: "Unauthorized", detail: "请先登录工作台。", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (HttpMethods.IsPost(http.Request.Method))
        {
            var presented = (await SmallForm.ReadAsync(http))?[CsrfField].ToString() ?? "";
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(session.Csrf)))
            {
                return Results.Problem(title: "Forbidden", detail: "页面已过期，请刷新后重试。", statusCode: StatusCodes.Status403Forbidden);
            }
        }

        new ConsoleRequest(session, scope).Attach(http);
        return await next(context);
    }
}
