using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClosedXML.Excel;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.Api;

/// <summary>The appeal type wherever staff read tickets: the staff API, the Excel ledger and Open311.</summary>
public sealed class AppealTypeFacesTests
{
    private const string ApiKey = "open311-test-key-0123456789";

    [Fact]
    public async Task A_complaint_a_question_and_a_suggestion_show_their_type_in_the_api_the_ledger_and_open311()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, $"--Open311:ApiKeys:0={ApiKey}");
        var chat = host.Chat("demo-c01-g01");
        var complaint = (await chat.SayAsync(Person.Resident("韩"), "3号楼楼道灯坏了，我电话13812341111", ct)).TicketNumber;
        var question = (await chat.SayAsync(Person.Resident("杨"), "请问社区的老年食堂怎么报名？", ct)).TicketNumber;

        var all = await GetJsonAsync(host, "/api/tickets?grid=DEMO-S01-C01", ct);
        var questions = await GetJsonAsync(host, "/api/tickets?appealType=consultation", ct);
        var detail = await GetJsonAsync(host, $"/api/tickets/{question}", ct);
        var filed = await GetJsonAsync(host, $"/api/tickets/{complaint}", ct);

        Assert.Equal(2, all.GetArrayLength());
        Assert.Equal(question, Assert.Single(questions.EnumerateArray()).GetProperty("number").GetString());
        Assert.Equal("consultation", detail.GetProperty("appealType").GetString());
        Assert.Equal("咨询", detail.GetProperty("appealTypeName").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("deadlineUtc").ValueKind);
        Assert.Equal("complaint", filed.GetProperty("appealType").GetString());
        Assert.Equal("投诉", filed.GetProperty("appealTypeName").GetString());
        Assert.Equal(JsonValueKind.String, filed.GetProperty("deadlineUtc").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(host, "/api/tickets?appealType=gossip", ct)).StatusCode);

        // Open311: the attribute is described, accepted on filing, returned and filterable.
        using var definition = JsonDocument.Parse(await host.Http.GetStringAsync("/open311/v2/services/环境卫生.json", ct));
        var attribute = definition.RootElement.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "appeal_type");
        Assert.Equal("singlevaluelist", attribute.GetProperty("datatype").GetString());
        Assert.Contains(attribute.GetProperty("values").EnumerateArray(), v => v.GetProperty("key").GetString() == "suggestion" && v.GetProperty("name").GetString() == "建议");
        var posted = await host.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = ApiKey, ["service_code"] = "环境卫生", ["attribute[grid]"] = "DEMO-S01-C01-G01", ["address_string"] = "小区东门",
            ["description"] = "东门口多放两个分类垃圾桶", ["attribute[appeal_type]"] = "suggestion",
        }), ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var suggestion = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(ct)).RootElement[0].GetProperty("service_request_id").GetString()!;
        var badType = await host.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = ApiKey, ["service_code"] = "环境卫生", ["attribute[grid]"] = "DEMO-S01-C01-G01", ["address_string"] = "小区东门", ["attribute[appeal_type]"] = "rumour",
        }), ct);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        using var one = JsonDocument.Parse(await host.Http.GetStringAsync($"/open311/v2/requests/{suggestion}.json", ct));
        Assert.Equal("suggestion", one.RootElement[0].GetProperty("appeal_type").GetString());
        Assert.Equal(JsonValueKind.Null, one.RootElement[0].GetProperty("expected_datetime").ValueKind);
        using var onlyQuestions = JsonDocument.Parse(await host.Http.GetStringAsync("/open311/v2/requests.json?appeal_type=consultation", ct));
        Assert.Equal(question, Assert.Single(onlyQuestions.RootElement.EnumerateArray()).GetProperty("service_request_id").GetString());
        using var complaints = JsonDocument.Parse(await host.Http.GetStringAsync($"/open311/v2/requests/{complaint}.json", ct));
        Assert.Equal("complaint", complaints.RootElement[0].GetProperty("appeal_type").GetString());

        // The ledger: a 诉求类型 column, no deadline for the question, and the monthly statistics keep them apart.
        var ledger = await SendAsync(host, "/api/ledgers/tickets.xlsx?scope=DEMO-S01-C01", ct);
        Assert.Equal(HttpStatusCode.OK, ledger.StatusCode);
        using var workbook = new XLWorkbook(await ledger.Content.ReadAsStreamAsync(ct));
        var sheet = workbook.Worksheet("工单台账");
        var typeColumn = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "诉求类型").Address.ColumnNumber;
        var deadlineColumn = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "办理时限").Address.ColumnNumber;
        var rows = sheet.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString());
        Assert.Equal("投诉", rows[complaint].Cell(typeColumn).GetString());
        Assert.Equal("咨询", rows[question].Cell(typeColumn).GetString());
        Assert.Equal("建议", rows[suggestion].Cell(typeColumn).GetString());
        Assert.Equal("不计时限", rows[question].Cell(deadlineColumn).GetString());
        Assert.DoesNotContain("13812341111", string.Join(",", sheet.CellsUsed().Select(c => c.GetString())), StringComparison.Ordinal);
        var stats = workbook.Worksheet("网格月度统计");
        var g01 = stats.RowsUsed().Single(r => r.Cell(1).GetString() == "DEMO-S01-C01-G01");
        Assert.Equal(1, g01.Cell(4).GetValue<int>());
        Assert.Equal(2, g01.Cell(12).GetValue<int>());
    }

    private static async Task<HttpResponseMessage> SendAsync(GridBotTestHost host, string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GridBotTestHost.ApiToken);
        return await host.Http.SendAsync(request, ct);
    }

    private static async Task<JsonElement> GetJsonAsync(GridBotTestHost host, string url, CancellationToken ct)
    {
        var response = await SendAsync(host, url, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
    }
}
