using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.Announcements;

/// <summary>The staff API as a publisher calls it: bearer token, JSON in, status and JSON out.</summary>
internal static class AnnouncementApi
{
    public static async Task<(int Status, JsonElement Json)> PostAsync(GridBotTestHost host, string url, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);
        using var response = await host.Http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await ReadAsync(response, cancellationToken));
    }

    public static async Task<(int Status, JsonElement Json)> GetAsync(GridBotTestHost host, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);
        using var response = await host.Http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await ReadAsync(response, cancellationToken));
    }

    /// <summary>Publishes and returns the announcement's number.</summary>
    public static async Task<int> PublishAsync(GridBotTestHost host, string title, string body, string[] targets, bool requireAck, CancellationToken cancellationToken, string? scheduleAt = null)
    {
        var (status, json) = await PostAsync(host, "/api/announcements", new { title, body, targets, requireAck, scheduleAt }, cancellationToken);
        Assert.Equal(201, status);
        return json.GetProperty("number").GetInt32();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
