using System.Text;
using static GridBot.Host.StaffConsole.ConsoleHtml;

namespace GridBot.Host.StaffConsole;

public static class GridOverviewView
{
    public static string Render(IReadOnlyList<GridOverviewRow> rows)
    {
        var html = new StringBuilder(8192);
        html.Append("<p class=\"hint\">在办、超期为当前数；办结、按时率、满意率为近 ").Append(GridOverviewQuery.Days).Append(" 天。点网格名看该网格的工单。</p>")
            .Append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"各网格统计\"><table class=\"grid-table\"><thead><tr>")
            .Append("<th scope=\"col\">网格</th><th scope=\"col\">在办</th><th scope=\"col\">超期</th><th scope=\"col\">办结</th><th scope=\"col\">按时率</th><th scope=\"col\">满意率</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr><th scope=\"row\"><a href=\"/console?grid=").Append(Uri.EscapeDataString(row.Code)).Append("\">").Append(E(row.Name)).Append("</a></th>")
                .Append("<td>").Append(row.Open).Append("</td>")
                .Append("<td").Append(row.Overdue > 0 ? " class=\"late\"" : "").Append('>')
                .Append(row.Overdue > 0 ? $"<a href=\"/console?grid={Uri.EscapeDataString(row.Code)}&amp;overdue=1\">{row.Overdue}</a>" : "0").Append("</td>")
                .Append("<td>").Append(row.Closed).Append("</td>")
                .Append("<td>").Append(Percent(row.OnTimeRate)).Append("</td>")
                .Append("<td>").Append(Percent(row.SatisfactionRate)).Append("</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }
}
