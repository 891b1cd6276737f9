namespace GridBot.Host.Endpoints;

/// <summary>The chat page is embedded in the assembly: one file, no build step, served the same from any folder.</summary>
public static class ChatPageEndpoints
{
    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = typeof(ChatPageEndpoints).Assembly.GetManifestResourceStream("GridBot.Host.ChatPage.html")
            ?? throw new InvalidOperationException("The chat page resource is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static IEndpointRouteBuilder MapChatPageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Bytes(Page.Value, "text/html; charset=utf-8"));
        endpoints.MapGet("/index.html", () => Results.Bytes(Page.Value, "text/html; charset=utf-8"));
        return endpoints;
    }
}
