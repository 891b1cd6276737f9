using System.Security.Cryptography;
using System.Text;
using GridBot.Host.Configuration;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Endpoints;

/// <summary>Checks "Authorization: Bearer &lt;token&gt;" against Api:Tokens in fixed time, before any handler runs.</summary>
internal sealed class BearerTokenFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || !Matches(header[scheme.Length..].Trim()))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(title: "Unauthorized", detail: "A valid bearer token (Api:Tokens) is required.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    private bool Matches(string presented)
    {
        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var token in options.Value.Tokens)
        {
            // Compare against every token, so timing says nothing about which one (or whether any) matched.
            match |= CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(token));
        }

        return match;
    }
}
