namespace GridBot.Host.StaffConsole;

/// <summary>
/// Headers on every console answer: no framing (clickjacking on action buttons), nothing but the host's own files
/// (no inline script or style, so an injected tag does nothing), no referrer (a link's token never leaks onwards),
/// and no caching of pages that show residents' data.
/// </summary>
internal sealed class ConsoleSecurityHeaders : IEndpointFilter
{
    public const string Policy =
        "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        Apply(context.HttpContext.Response.Headers);
        return next(context);
    }

    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = Policy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
