using FakeServer = GridBot.Host.Tests.WeCom.FakeWeCom;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridBot.FakeWeCom;
using GridBot.Host.Import;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.Kf;

/// <summary>
/// Residents on 微信客服, played through the fake WeCom server: they enter from a grid's link and write; the fake
/// pushes sealed kf_msg_or_event callbacks to the host, which pulls with sync_msg and answers with send_msg.
/// </summary>
internal sealed class KfSimulator(FakeServer fake)
{
    public const string OpenKfid = "wkDEMO0000000001";
    public const string Grid = "DEMO-S01-C01-G01";
    public const string Servicer = "wecom-worker-li";

    /// <summary>The fake's settings: the app's callback secrets (to seal pushes) and one activated servicer.</summary>
    public static string[] FakeSettings =>
    [
        $"--FakeWeCom:AppToken={WeComSimulator.Token}", $"--FakeWeCom:AppEncodingAesKey={WeComSimulator.Key}", $"--FakeWeCom:KfServicers:0={Servicer}",
    ];

    public async Task EnterAsync(string externalUserid, string? scene, CancellationToken cancellationToken)
    {
        var answer = await PostAsync("/_fake/kf/enter", new FakeKfEnterRequest { OpenKfid = OpenKfid, ExternalUserid = externalUserid, Scene = scene }, cancellationToken);
        Assert.Equal(200, answer["callback_status"]!.GetValue<int>());
    }

    /// <returns>The msgids the fake gave the messages.</returns>
    public async Task<List<string>> SayAsync(string externalUserid, CancellationToken cancellationToken, params string[] texts)
    {
        var answer = await PostAsync("/_fake/kf/messages", new FakeKfMessagesRequest
        {
            OpenKfid = OpenKfid,
            Messages = [.. texts.Select(t => new FakeKfCustomerMessage { ExternalUserid = externalUserid, Payload = new JsonObject { ["content"] = t } })],
        }, cancellationToken);
        Assert.Equal(200, answer["callback_status"]!.GetValue<int>());
        return answer["msgids"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
    }

    public async Task ServicerEndsAsync(string externalUserid, CancellationToken cancellationToken)
    {
        var answer = await PostAsync("/_fake/kf/servicer-ends", new FakeKfEnterRequest { OpenKfid = OpenKfid, ExternalUserid = externalUserid }, cancellationToken);
        Assert.Equal(200, answer["callback_status"]!.GetValue<int>());
    }

    public async Task<JsonObject> SessionAsync(string externalUserid, CancellationToken cancellationToken) =>
        (await fake.Http.GetFromJsonAsync<JsonObject>($"/_fake/kf/state?openKfid={OpenKfid}&externalUserid={externalUserid}", cancellationToken))!;

    /// <summary>Waits until the fake has recorded <paramref name="count"/> calls of <paramref name="api"/> that match.</summary>
    public async Task<List<JsonObject>> WaitForAsync(string api, int count, CancellationToken cancellationToken, Func<JsonObject, bool>? match = null, Action? tick = null)
    {
        while (true)
        {
            var records = (await fake.RecordsAsync(api, cancellationToken)).Where(r => match?.Invoke(r) ?? true).ToList();
            if (records.Count >= count)
            {
                return records;
            }

            tick?.Invoke();
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>Makes <paramref name="userId"/> a WeCom member of the grid with <paramref name="role"/>, through the importer as staff would.</summary>
    public static async Task BindStaffAsync(GridBotTestHost host, string userId, string name, string role, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kf-staff-{Guid.NewGuid():N}.json");
        var json = new JsonObject
        {
            ["members"] = new JsonArray(new JsonObject { ["channel"] = "wecom", ["userId"] = userId, ["name"] = name, ["grid"] = Grid, ["role"] = role }),
        };
        await File.WriteAllTextAsync(file, json.ToJsonString(), cancellationToken);
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync([file], cancellationToken);
            Assert.True(report.Succeeded, report.Describe());
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string Content(JsonObject record) => record["body"]!["text"]!["content"]!.GetValue<string>();

    private async Task<JsonObject> PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var response = await fake.Http.PostAsJsonAsync(path, body, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
    }
}
