using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.Open311;

/// <summary>GeoReport v2 over real HTTP: discovery, services, filing with api_key, listing, statuses and errors, JSON and XML.</summary>
public sealed partial class Open311Tests
{
    private const string ApiKey = "open311-key-0123456789";

    [Fact]
    public async Task Discovery_and_services_describe_the_taxonomy_in_json_and_xml()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        using var discovery = JsonDocument.Parse(await host.Http.GetStringAsync("/open311/v2/discovery.json", ct));
        var endpoint = discovery.RootElement.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        using var services = JsonDocument.Parse(await host.Http.GetStringAsync("/open311/v2/services.json", ct));
        var first = services.RootElement[0];
        Assert.Equal("环境卫生", first.GetProperty("service_code").GetString());
        Assert.True(first.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", first.GetProperty("type").GetString());

        var xml = XDocument.Parse(await host.Http.GetStringAsync("/open311/v2/services.xml", ct));
        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.Equal(5, xml.Root.Elements("service").Count());

        var definition = XDocument.Parse(await host.Http.GetStringAsync("/open311/v2/services/" + Uri.EscapeDataString("民生服务") + ".xml", ct));
        Assert.Equal("service_definition", definition.Root!.Name.LocalName);
        Assert.Equal("grid", definition.Root.Element("attributes")!.Element("attribute")!.Element("code")!.Value);

        var unknown = await host.Http.GetAsync("/open311/v2/services/nothing.json", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var error = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(ct));
        Assert.Equal(404, error.RootElement[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_request_is_filed_with_an_api_key_and_follows_the_ticket_to_closed()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, $"--Open311:ApiKeys:0={ApiKey}");
        FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

        var noKey = await host.Http.PostAsync("/open311/v2/requests.xml", Form(("service_code", "民生服务"), ("jurisdiction_id", "DEMO-S01-C01-G01"), ("address_string", "3号楼")), ct);
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        Assert.Equal("403", XDocument.Parse(await noKey.Content.ReadAsStringAsync(ct)).Root!.Element("error")!.Element("code")!.Value);
        var huge = await host.Http.PostAsync("/open311/v2/requests.json", Form(("api_key", ApiKey), ("description", new string('灯', 100_000))), ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        var noGrid = await host.Http.PostAsync("/open311/v2/requests.json", Form(("api_key", ApiKey), ("service_code", "民生服务"), ("address_string", "3号楼")), ct);
        Assert.Equal(HttpStatusCode.BadRequest, noGrid.StatusCode);

        var filed = await host.Http.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", ApiKey), ("service_code", "民生服务"), ("attribute[grid]", "DEMO-S01-C01-G01"), ("address_string", "幸福里3号楼2单元"),
            ("description", "楼道灯坏了，联系电话13812345678"), ("first_name", "芳"), ("last_name", "张"), ("media_url", "https://example.org/light.jpg")), ct);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        using var created = JsonDocument.Parse(await filed.Content.ReadAsStringAsync(ct));
        var id = created.RootElement[0].GetProperty("service_request_id").GetString()!;

        using var one = JsonDocument.Parse(await host.Http.GetStringAsync($"/open311/v2/requests/{id}.json", ct));
        var request = one.RootElement[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("民生服务", request.GetProperty("service_code").GetString());
        Assert.Equal("幸福里3号楼2单元", request.GetProperty("address").GetString());
        Assert.Equal("https://example.org/light.jpg", request.GetProperty("media_url").GetString());
        Assert.DoesNotContain("13812345678", request.GetProperty("description").GetString()!, StringComparison.Ordinal);
        Assert.Matches(W3DateTime(), request.GetProperty("requested_datetime").GetString()!);
        Assert.EndsWith("+08:00", request.GetProperty("requested_datetime").GetString()!, StringComparison.Ordinal);

        using var token = JsonDocument.Parse(await host.Http.GetStringAsync($"/open311/v2/tokens/{id}.json", ct));
        Assert.Equal(id, token.RootElement[0].GetProperty("service_request_id").GetString());

        // The grid leader closes it in chat, as any ticket; Open311 shows it closed with the resolution.
        await host.Chat("demo-c01-g01").SayAsync(Person.LeaderWang, $"办结 {id} 已更换灯泡", ct);
        var closed = XDocument.Parse(await host.Http.GetStringAsync("/open311/v2/requests.xml?status=closed", ct));
        var row = closed.Root!.Elements("request").Single(r => r.Element("service_request_id")!.Value == id);
        Assert.Equal("closed", row.Element("status")!.Value);
        Assert.Contains("已更换灯泡", row.Element("status_notes")!.Value, StringComparison.Ordinal);
        using var open = JsonDocument.Parse(await host.Http.GetStringAsync("/open311/v2/requests.json?status=open", ct));
        Assert.DoesNotContain(open.RootElement.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        using var old = JsonDocument.Parse(await host.Http.GetStringAsync("/open311/v2/requests.json?end_date=2026-01-01T00:00:00%2B08:00", ct));
        Assert.Equal(0, old.RootElement.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Http.GetAsync("/open311/v2/requests.json?start_date=yesterday", ct)).StatusCode);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex W3DateTime();
}
