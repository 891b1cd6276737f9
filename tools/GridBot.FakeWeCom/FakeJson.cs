using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridBot.FakeWeCom;

internal static class FakeJson
{
    public static async Task<JsonNode?> ReadAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
