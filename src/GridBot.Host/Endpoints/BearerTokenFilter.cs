using GridBot.Host.StaffConsole;

namespace GridBot.Host.Endpoints;

/// <summary>
/// Checks "Authorization: Bearer &lt;token&gt;" against the staff tokens in fixed time, before any handler runs, and
/// leaves the token's grid scope (null = every grid) for the handler in <see cref="ScopeKey"/>.
/// </summary>
internal sealed class BearerTokenFilter(StaffTokens tokens) : IEndpointFilter
{
    public const string ScopeKey = "GridBot.TokenScope";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var token = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? tokens.Match(header[scheme.Length..].Trim()) : null;
        if (token is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(title: "Unauthorized", detail: "A valid bearer token (Api:Tokens) is required.", statusCode: StatusCodes.Status401Unauthorized);
        }

        context.HttpContext.Items[ScopeKey] = token.GridCode;
        return await next(context);
    }

    public static string? ScopeOf(HttpContext context) => context.Items[ScopeKey] as string;
}
