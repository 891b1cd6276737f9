using System.Text;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;
using static GridBot.Host.StaffConsole.ConsoleHtml;

namespace GridBot.Host.StaffConsole;

/// <summary>The ticket board: a filter form (plain GET, so a filtered board is a link) and one card per ticket.</summary>
public static class BoardView
{
    public static string Render(BoardFilter filter, BoardPage page, IReadOnlyList<(string Code, string Name)> grids, IReadOnlyList<string> categories, ShanghaiTime clock)
    {
        var html = new StringBuilder(8192);
        html.Append("<form class=\"filters\" method=\"get\" action=\"/console\" role=\"search\" aria-label=\"筛选工单\">");
        Select(html, "grid", "网格", filter.Grid, grids.Select(g => (g.Code, g.Name)), "本辖区全部");
        Select(html, "status", "状态", filter.Status?.ToString(), Enum.GetValues<TicketStatus>().Select(s => (s.ToString(), TicketStatusNames.Of(s))), "全部状态");
        Select(html, "category", "类别", filter.Category, categories.Select(c => (c, c)), "全部类别");
        Select(html, "appeal", "诉求类型", filter.AppealType is { } appeal ? AppealTypeNames.Code(appeal) : null,
            AppealTypeNames.All.Select(a => (AppealTypeNames.Code(a), AppealTypeNames.Of(a))), "全部类型");
        Select(html, "urgency", "紧急程度", filter.Urgency?.ToString(), Enum.GetValues<TicketUrgency>().Select(u => (u.ToString(), ConsoleTexts.Urgency(u))), "全部");
        Select(html, "sort", "排序", filter.Sort.ToString(), Enum.GetValues<BoardSort>().Select(s => (s.ToString(), ConsoleTexts.Sort(s))), null);
        html.Append("<label class=\"field\"><span>关键词</span><input type=\"search\" name=\"q\" maxlength=\"50\" value=\"").Append(E(filter.Text)).Append("\" placeholder=\"工单号、描述或地点\"></label>")
            .Append("<label class=\"check\"><input type=\"checkbox\" name=\"overdue\" value=\"1\"").Append(filter.Overdue ? " checked" : "").Append("> 只看超期</label>")
            .Append("<div class=\"buttons\"><button type=\"submit\">筛选</button> <a class=\"button secondary\" href=\"/console\">清除</a></div></form>");

        html.Append("<p class=\"export\"><a class=\"button secondary\" href=\"/console/ledger\">导出台账（Excel）</a></p>");
        if (page.Rows.Count == 0)
        {
            html.Append("<p class=\"empty\">没有符合条件的工单。</p>");
        }
        else
        {
            html.Append("<ul class=\"tickets\" aria-label=\"工单列表\">");
            foreach (var row in page.Rows)
            {
                var overdue = row.IsOverdue(page.NowUtc);
                html.Append("<li class=\"ticket").Append(overdue ? " overdue" : "").Append("\"><a href=\"/console/tickets/").Append(E(row.Number)).Append("\">")
                    .Append("<span class=\"number\">").Append(E(row.Number)).Append("</span>")
                    .Append("<span class=\"badge status-").Append(row.Status.ToString().ToLowerInvariant()).Append("\">").Append(TicketStatusNames.Of(row.Status)).Append("</span>");
                if (!row.AppealType.CarriesSla())
                {
                    html.Append("<span class=\"badge appeal\">").Append(AppealTypeNames.Of(row.AppealType)).Append("</span>");
                }

                if (row.Urgency == TicketUrgency.Urgent)
                {
                    html.Append("<span class=\"badge urgent\">紧急</span>");
                }

                if (overdue)
                {
                    html.Append("<span class=\"badge late\">超期</span>");
                }

                if (row.UrgeCount > 0)
                {
                    html.Append("<span class=\"badge urged\">").Append(ConsoleTexts.Urged(row.UrgeCount, row.RaisedToLeader)).Append("</span>");
                }

                html.Append("<span class=\"desc\">").Append(E(Dialogs.Tickets.TicketTexts.Excerpt(row.Description, 60))).Append("</span>")
                    .Append("<span class=\"meta\">").Append(E(row.Category)).Append(" · ").Append(E(row.GridName))
                    .Append(row.DeadlineUtc is { } deadline ? " · 时限 " + E(clock.Format(deadline)) : " · " + AppealTypeNames.Of(row.AppealType) + "，待答复");
                if (row.OwnerName is not null)
                {
                    html.Append(" · 承办 ").Append(E(row.OwnerName));
                }

                html.Append("</span></a></li>");
            }

            html.Append("</ul>");
        }

        html.Append("<nav class=\"pager\" aria-label=\"翻页\">");
        if (filter.Page > 1)
        {
            html.Append("<a rel=\"prev\" href=\"/console").Append(E(filter.QueryFor(filter.Page - 1))).Append("\">上一页</a>");
        }

        html.Append("<span>第 ").Append(filter.Page).Append(" 页</span>");
        if (page.HasNext)
        {
            html.Append("<a rel=\"next\" href=\"/console").Append(E(filter.QueryFor(filter.Page + 1))).Append("\">下一页</a>");
        }

        return html.Append("</nav>").ToString();
    }

    private static void Select(StringBuilder html, string name, string label, string? selected, IEnumerable<(string Value, string Text)> options, string? any)
    {
        html.Append("<label class=\"field\"><span>").Append(label).Append("</span><select name=\"").Append(name).Append("\">");
        if (any is not null)
        {
            html.Append("<option value=\"\">").Append(any).Append("</option>");
        }

        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(E(value)).Append('"').Append(value == selected ? " selected" : "").Append('>').Append(E(text)).Append("</option>");
        }

        html.Append("</select></label>");
    }
}
