using System.Text;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;
using static GridBot.Host.StaffConsole.ConsoleHtml;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// One ticket: details, reporters (phones masked: the console is not the private chat where calling back is the
/// job), photos, history, and the actions the lifecycle allows now, each a form carrying the CSRF token.
/// </summary>
public static class TicketView
{
    public static string Render(Ticket ticket, ConsoleSession session, IReadOnlyList<(string Name, string Role)> assignees, ShanghaiTime clock, string? notice)
    {
        var html = new StringBuilder(8192);
        html.Append(Notice(notice));
        html.Append("<dl class=\"facts\">");
        Fact(html, "状态", TicketStatusNames.Of(ticket.Status) + " · " + TicketStatusNames.Of(ticket.Tier) + "层级");
        Fact(html, "诉求类型", AppealTypeNames.Of(ticket.AppealType));
        Fact(html, "类别", ticket.Category + (ticket.Urgency == TicketUrgency.Urgent ? "（紧急）" : ""));
        Fact(html, "网格", ticket.Grid!.Name);
        Fact(html, "地点", ticket.Place ?? "待核实");
        Fact(html, "描述", PersonalDataMask.Text(ticket.Description));
        Fact(html, "登记时间", clock.Format(ticket.CreatedUtc));
        Fact(html, "办理时限", ticket.DeadlineUtc is { } deadline ? clock.Format(deadline) : "不计时限（" + AppealTypeNames.Of(ticket.AppealType) + "，答复即办结）");
        if (ticket.UrgeCount > 0)
        {
            Fact(html, "居民催办", ConsoleTexts.Urged(ticket.UrgeCount, ticket.RaisedToLeaderUtc is not null));
        }

        if (ticket.OwnerName is not null)
        {
            Fact(html, "承办人", ticket.OwnerName);
        }

        if (ticket.Resolution is not null)
        {
            Fact(html, ticket.CarriesSla ? "办结说明" : "答复", PersonalDataMask.Text(ticket.Resolution));
        }

        if (ticket.Rating is { } rating)
        {
            Fact(html, "评价", TicketStatusNames.Of(rating));
        }

        html.Append("</dl>");

        html.Append("<section aria-labelledby=\"reporters\"><h2 id=\"reporters\">反映人</h2><ul class=\"plain\">");
        foreach (var reporter in ticket.Reporters)
        {
            html.Append("<li>").Append(E(reporter.Name)).Append(' ').Append(E(PersonalDataMask.Phone(reporter.Phone) ?? "未留电话")).Append("</li>");
        }

        html.Append("</ul></section>");

        if (ticket.Attachments.Count > 0)
        {
            // Photos live on the channel's servers: links, not <img>, so the page never loads from outside the host.
            html.Append("<section aria-labelledby=\"photos\"><h2 id=\"photos\">照片</h2><ul class=\"plain\">");
            var i = 0;
            foreach (var photo in ticket.Attachments)
            {
                html.Append("<li><a href=\"").Append(E(photo.Url)).Append("\" rel=\"noopener noreferrer\" target=\"_blank\">照片 ").Append(++i)
                    .Append("</a>（").Append(E(clock.Format(photo.AddedUtc))).Append("）</li>");
            }

            html.Append("</ul></section>");
        }

        Actions(html, ticket, session, assignees);

        html.Append("<section aria-labelledby=\"history\"><h2 id=\"history\">办理记录</h2><ol class=\"history\">");
        foreach (var e in ticket.Events.OrderBy(e => e.Id))
        {
            html.Append("<li><time>").Append(E(clock.Format(e.AtUtc))).Append("</time> ").Append(E(e.ActorName)).Append(' ')
                .Append(TicketEventNames.Of(e.Action));
            if (!string.IsNullOrEmpty(e.Note))
            {
                html.Append("：").Append(E(PersonalDataMask.Text(e.Note)));
            }

            html.Append("</li>");
        }

        return html.Append("</ol></section><p><a href=\"/console\">← 返回工单列表</a></p>").ToString();
    }

    private static void Actions(StringBuilder html, Ticket ticket, ConsoleSession session, IReadOnlyList<(string Name, string Role)> assignees)
    {
        html.Append("<section aria-labelledby=\"actions\"><h2 id=\"actions\">办理</h2>");
        if (!session.CanAct)
        {
            html.Append("<p class=\"hint\">令牌登录只能查看和导出。办理工单请在私聊中向机器人发送“控制台”获取本人登录链接，操作记在您的名下。</p></section>");
            return;
        }

        var action = $"/console/tickets/{E(ticket.Number)}/actions";
        var any = false;
        if (ticket.Allows(TicketAction.Accept))
        {
            any = true;
            html.Append("<form method=\"post\" action=\"").Append(action).Append("\" class=\"action\">").Append(Csrf(session))
                .Append("<input type=\"hidden\" name=\"action\" value=\"accept\"><button type=\"submit\">受理</button></form>");
        }

        if (ticket.Allows(TicketAction.Assign))
        {
            any = true;
            if (assignees.Count == 0)
            {
                Form(html, action, session, "assign", "派单", "承办人姓名", "如：李明", required: true);
            }
            else
            {
                html.Append("<form method=\"post\" action=\"").Append(action).Append("\" class=\"action\">").Append(Csrf(session))
                    .Append("<input type=\"hidden\" name=\"action\" value=\"assign\"><label for=\"f-assign\">承办人</label><select id=\"f-assign\" name=\"text\" required>")
                    .Append("<option value=\"\">请选择</option>");
                foreach (var (name, role) in assignees)
                {
                    html.Append("<option value=\"").Append(E(name)).Append("\">").Append(E(name)).Append("（").Append(E(role)).Append("）</option>");
                }

                html.Append("</select><button type=\"submit\">派单</button></form>");
            }
        }

        if (ticket.Allows(TicketAction.Resolve))
        {
            any = true;
            Form(html, action, session, "resolve", "办结", "处理说明", "如：已更换灯泡", required: false);
        }

        if (ticket.Allows(TicketAction.Answer))
        {
            any = true;
            Form(html, action, session, "answer", "答复", "答复内容", "如：带身份证到社区服务中心办理", required: true);
        }

        if (ticket.Allows(TicketAction.Escalate))
        {
            any = true;
            Form(html, action, session, "escalate", "升级", "升级原因", "如：需社区协调物业", required: true);
        }

        if (!any)
        {
            html.Append("<p class=\"hint\">当前状态下没有可办理的操作。</p>");
        }

        html.Append("</section>");
    }

    private static void Form(StringBuilder html, string action, ConsoleSession session, string name, string verb, string label, string placeholder, bool required)
    {
        var id = "f-" + name;
        html.Append("<form method=\"post\" action=\"").Append(action).Append("\" class=\"action\">").Append(Csrf(session))
            .Append("<input type=\"hidden\" name=\"action\" value=\"").Append(name).Append("\">")
            .Append("<label for=\"").Append(id).Append("\">").Append(label).Append("</label>")
            .Append("<input id=\"").Append(id).Append("\" name=\"text\" maxlength=\"").Append(ConsoleTicketActions.MaxNote).Append("\" placeholder=\"").Append(placeholder).Append('"')
            .Append(required ? " required" : "").Append('>')
            .Append("<button type=\"submit\">").Append(verb).Append("</button></form>");
    }

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<div><dt>").Append(name).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");
}
