using System.Security.Cryptography;
using System.Text;
using GridBot.Dialogs.Tickets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using static GridBot.Host.Open311.Open311Document;

namespace GridBot.Host.Open311;

/// <summary>
/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under /open311/v2/, each resource as .json or .xml.
/// Services are the taxonomy's categories (service_code = the category name); a request becomes a ticket in the grid
/// named by attribute[grid] or jurisdiction_id, of the appeal type named by attribute[appeal_type] (complaint by
/// default; a request's appeal_type is also in every request read back and a filter of GET requests). Reading is
/// public as the spec intends, with phones and IDs masked.
/// </summary>
public static class Open311Endpoints
{
    public const string Changeset = "2026-11-23T00:00:00+08:00";
    private const int MaxBody = 64 * 1024;

    public static IEndpointRouteBuilder MapOpen311Endpoints(this IEndpointRouteBuilder endpoints)
    {
        var v2 = endpoints.MapGroup("/open311/v2");
        v2.MapGet("/discovery.{format}", Discovery);
        v2.MapGet("/services.{format}", Services);
        v2.MapGet("/services/{code}.{format}", ServiceDefinition);
        v2.MapPost("/requests.{format}", FileAsync).DisableAntiforgery();
        v2.MapGet("/requests.{format}", ListAsync);
        v2.MapGet("/requests/{id}.{format}", GetAsync);
        v2.MapGet("/tokens/{token}.{format}", TokenAsync);
        return endpoints;
    }

    private static IResult Discovery(HttpContext http, string format, IOptions<Open311Options> options) => Formatted(format, f =>
        Write(Obj(
            ("changeset", Changeset),
            ("contact", options.Value.Contact),
            ("key_service", "api_key 由管理员在 Open311:ApiKeys 中配置"),
            ("endpoints", new Open311List("endpoints", "endpoint",
            [
                Obj(("specification", "http://wiki.open311.org/GeoReport_v2"),
                    ("url", $"{http.Request.Scheme}://{http.Request.Host}/open311/v2"),
                    ("changeset", Changeset),
                    ("type", "production"),
                    ("formats", new Open311List("formats", "format", ["text/xml", "application/json"]))),
            ]))), "discovery", f));

    private static IResult Services(string format, TaxonomyProvider taxonomy) => Formatted(format, f =>
        Write(new Open311List("services", "service", [.. taxonomy.Current.Categories.Select(c => Obj(
            ("service_code", c.Name),
            ("service_name", c.Name),
            ("description", $"{c.Name}：{string.Join("、", c.Keywords.Take(8))}等"),
            ("metadata", true),
            ("type", "realtime"),
            ("keywords", string.Join(",", c.Keywords.Take(8))),
            ("group", TicketStatusNames.Of(c.Tier) + "层级")))]), f));

    private static IResult ServiceDefinition(string code, string format, TaxonomyProvider taxonomy) => Formatted(format, f =>
        taxonomy.Current.Find(code) is null
            ? Error(404, $"service_code '{code}' is not a service.", f)
            : Write(Obj(
                ("service_code", code),
                ("attributes", new Open311List("attributes", "attribute",
                [
                    Obj(("variable", true), ("code", "grid"), ("datatype", "string"), ("required", false),
                        ("datatype_description", "网格编码，如 DEMO-S01-C01-G01；也可用 jurisdiction_id 传入"), ("order", 1),
                        ("description", "问题所在网格")),
                    Obj(("variable", true), ("code", Open311Requests.AppealAttribute), ("datatype", "singlevaluelist"), ("required", false),
                        ("datatype_description", "诉求类型，默认 complaint（投诉）；只有投诉、求助计办理时限"), ("order", 2),
                        ("description", "诉求类型"),
                        ("values", new Open311List("values", "value",
                            [.. AppealTypeNames.All.Select(a => Obj(("key", AppealTypeNames.Code(a)), ("name", AppealTypeNames.Of(a))))]))),
                ]))), "service_definition", f));

    private static async Task<IResult> FileAsync(HttpContext http, string format, IOptions<Open311Options> options, Open311Requests requests)
    {
        if (!IsFormat(format))
        {
            return Results.NotFound();
        }

        if (!http.Request.HasFormContentType)
        {
            return Error(400, "POST requests takes application/x-www-form-urlencoded fields.", format);
        }

        // A service request is a few form fields: anything near this size is not one.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBody;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return Error(413, $"The form is larger than {MaxBody / 1024} KB or malformed.", format);
        }

        if (!KeyMatches(form["api_key"].ToString(), options.Value.ApiKeys))
        {
            return Error(403, "A valid api_key is required.", format);
        }

        var (number, code, error) = await requests.FileAsync(form, http.RequestAborted);
        return number is null
            ? Error(code, error!, format)
            : Write(new Open311List("service_requests", "request", [Obj(("service_request_id", number), ("service_notice", "已登记，将由所在网格办理"), ("account_id", null))]), format, StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext http, string format, Open311Requests requests)
    {
        if (!IsFormat(format))
        {
            return Results.NotFound();
        }

        if (!Open311Requests.IsOpenStatusFilterValid(http.Request.Query["status"]))
        {
            return Error(400, "status must be open, closed or both.", format);
        }

        var tickets = await requests.ListAsync(http.Request.Query, http.RequestAborted);
        return tickets is null
            ? Error(400, "start_date and end_date must be w3 datetimes such as 2026-11-01T00:00:00+08:00.", format)
            : Write(new Open311List("service_requests", "request", [.. tickets.Select(requests.ToRequest)]), format);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string id, string format, Open311Requests requests)
    {
        if (!IsFormat(format))
        {
            return Results.NotFound();
        }

        var ticket = await requests.FindAsync(id, http.RequestAborted);
        return ticket is null
            ? Error(404, $"No service request '{id}'.", format)
            : Write(new Open311List("service_requests", "request", [requests.ToRequest(ticket)]), format);
    }

    /// <summary>Requests are created synchronously, so the token a client may hold is the request id itself.</summary>
    private static async Task<IResult> TokenAsync(HttpContext http, string token, string format, Open311Requests requests)
    {
        if (!IsFormat(format))
        {
            return Results.NotFound();
        }

        var ticket = await requests.FindAsync(token, http.RequestAborted);
        return ticket is null
            ? Error(404, $"No request for token '{token}'.", format)
            : Write(new Open311List("service_requests", "request", [Obj(("service_request_id", ticket.Number), ("token", token))]), format);
    }

    private static IResult Formatted(string format, Func<string, IResult> answer) => IsFormat(format) ? answer(format) : Results.NotFound();

    private static bool IsFormat(string format) => format is "json" or "xml";

    private static bool KeyMatches(string presented, List<string> keys)
    {
        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var key in keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(key));
        }

        return match;
    }
}
