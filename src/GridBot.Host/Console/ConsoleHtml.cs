using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// The page shell and HTML encoding. Pages are rendered on the server: no build step, no script needed, and every
/// value passes through <see cref="E"/> (the encoder keeps Chinese readable and escapes markup).
/// </summary>
public static class ConsoleHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static IResult Page(string title, ConsoleSession? session, string active, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · 网格工作台</title>")
            .Append("<link rel=\"stylesheet\" href=\"/console/console.css\"></head><body>")
            .Append("<header class=\"top\"><a class=\"brand\" href=\"/console\">网格工作台</a>");
        if (session is not null)
        {
            html.Append("<nav aria-label=\"主导航\"><ul>");
            foreach (var (href, label) in new[] { ("/console", "工单"), ("/console/grids", "网格概况"), ("/console/charts", "图表"), ("/console/announcements", "公告"), ("/console/schedules", "日程") })
            {
                html.Append("<li><a href=\"").Append(href).Append('"').Append(href == active ? " aria-current=\"page\"" : "").Append('>').Append(label).Append("</a></li>");
            }

            html.Append("</ul></nav><form class=\"signout\" method=\"post\" action=\"/console/signout\">")
                .Append(Csrf(session))
                .Append("<span class=\"who\">").Append(E(session.Name)).Append("</span><button type=\"submit\">退出</button></form>");
        }

        html.Append("</header><main id=\"main\"><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static string Csrf(ConsoleSession session) =>
        $"<input type=\"hidden\" name=\"{ConsoleAuthFilter.CsrfField}\" value=\"{E(session.Csrf)}\">";

    public static string Notice(string? text) => string.IsNullOrEmpty(text) ? "" : $"<p class=\"notice\" role=\"status\">{E(text)}</p>";

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
