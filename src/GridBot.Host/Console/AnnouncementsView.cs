using System.Globalization;
using System.Text;
using GridBot.Dialogs.Announcements;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using static GridBot.Host.StaffConsole.ConsoleHtml;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// 公告: the announcements that reached the scope's chats, and per announcement each chat's delivery (status, attempts,
/// last error), each customer group's mass-send stage and each grid's 回执 rate — the same figures as GET /api/announcements/{number}, cut to the scope.
/// </summary>
public static class AnnouncementsView
{
    private const int ListSize = 50;

    public static async Task<IResult> ListAsync(HttpContext http, GridBotDbContext db, ShanghaiTime clock)
    {
        var request = ConsoleRequest.Of(http);
        var deliveries = db.AnnouncementDeliveries.InScope(request.Scope);
        var acks = db.AnnouncementAcks.InScope(request.Scope);
        var rows = await db.Announcements.AsNoTracking().DeliveredInto(request.Scope)
            .OrderByDescending(a => a.Id).Take(ListSize)
            .Select(a => new
            {
                a.Number, a.Title, a.RequireAck, a.CreatedUtc, a.PublishedUtc, a.WithdrawnUtc,
                Chats = deliveries.Count(d => d.AnnouncementId == a.Id),
                Acks = acks.Count(k => k.AnnouncementId == a.Id),
            })
            .ToListAsync(http.RequestAborted);
        var html = new StringBuilder(4096).Append("<p class=\"hint\">本辖区收到的公告（最近 ").Append(ListSize).Append(" 条）。网格长在群里发送“公告 标题”发布，“公告 回执”查看谁已读。</p>");
        if (rows.Count == 0)
        {
            return Page("公告", request.Session, "/console/announcements", html.Append("<p class=\"empty\">还没有公告。</p>").ToString());
        }

        html.Append("<table><thead><tr><th scope=\"col\">编号</th><th scope=\"col\">标题</th><th scope=\"col\">状态</th><th scope=\"col\">群数</th><th scope=\"col\">回执</th><th scope=\"col\">时间</th></tr></thead><tbody>");
        foreach (var a in rows)
        {
            var status = a.WithdrawnUtc is not null ? "已撤回" : a.PublishedUtc is not null ? "已发布" : "待发布";
            html.Append("<tr><td><a href=\"/console/announcements/").Append(a.Number).Append("\">").Append(a.Number).Append("</a></td><td>")
                .Append(E(a.Title)).Append("</td><td>").Append(status).Append("</td><td>").Append(a.Chats).Append("</td><td>")
                .Append(a.RequireAck ? a.Acks.ToString(CultureInfo.InvariantCulture) + " 人" : "不需回执").Append("</td><td>")
                .Append(E(clock.Format(a.PublishedUtc ?? a.CreatedUtc))).Append("</td></tr>");
        }

        return Page("公告", request.Session, "/console/announcements", html.Append("</tbody></table>").ToString());
    }

    public static async Task<IResult> DetailAsync(
        HttpContext http, int number, GridBotDbContext db, AnnouncementReceipts receipts, CustomerGroupDeliveries customerGroups, ShanghaiTime clock)
    {
        var request = ConsoleRequest.Of(http);
        var announcement = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Number == number, http.RequestAborted);
        var chats = announcement is null ? [] : await db.AnnouncementDeliveries.AsNoTracking().InScope(request.Scope)
            .Where(d => d.AnnouncementId == announcement.Id)
            .OrderBy(d => d.Id)
            .Select(d => new
            {
                ChatName = d.Chat!.Name,
                Grid = d.Chat.Grid!.Name,
                Parts = db.AnnouncementDeliveryParts.Where(p => p.DeliveryId == d.Id)
                    .Select(p => new { p.OutboxMessage!.Status, p.OutboxMessage.Attempts, p.OutboxMessage.LastError }).ToList(),
            })
            .ToListAsync(http.RequestAborted);
        IReadOnlyList<CustomerGroupDelivery> groups = announcement is null ? [] : await customerGroups.ForAsync(announcement.Id, request.Scope, http.RequestAborted);
        if (announcement is null || (chats.Count == 0 && groups.Count == 0))
        {
            return Page("没有找到", request.Session, "/console/announcements", "<p class=\"empty\">没有这条公告，或它不在您的辖区。</p>", StatusCodes.Status404NotFound);
        }

        var html = new StringBuilder(8192)
            .Append("<p>").Append(E(announcement.PublisherName)).Append(" · ").Append(E(clock.Format(announcement.PublishedUtc ?? announcement.CreatedUtc)))
            .Append(announcement.WithdrawnUtc is not null ? " · 已撤回" : "").Append("</p>")
            .Append("<h2>送达</h2><table><thead><tr><th scope=\"col\">群</th><th scope=\"col\">网格</th><th scope=\"col\">状态</th><th scope=\"col\">尝试</th><th scope=\"col\">原因</th></tr></thead><tbody>");
        foreach (var chat in chats)
        {
            var status = chat.Parts.Any(p => p.Status == OutboxStatus.Failed) ? "失败" : chat.Parts.All(p => p.Status == OutboxStatus.Sent) ? "已送达" : "发送中";
            html.Append("<tr><td>").Append(E(chat.ChatName)).Append("</td><td>").Append(E(chat.Grid)).Append("</td><td>").Append(status)
                .Append("</td><td>").Append(chat.Parts.Sum(p => p.Attempts)).Append("</td><td>").Append(E(chat.Parts.Select(p => p.LastError).LastOrDefault(e => e is not null) ?? ""))
                .Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        AppendCustomerGroups(html, groups, clock);
        if (announcement.RequireAck)
        {
            html.Append("<h2>回执</h2><table><thead><tr><th scope=\"col\">网格</th><th scope=\"col\">已读</th><th scope=\"col\">成员</th><th scope=\"col\">回执率</th></tr></thead><tbody>");
            var gridsInScope = await db.Grids.AsNoTracking().InScope(request.Scope).Select(g => g.Id).ToListAsync(http.RequestAborted);
            foreach (var rate in (await receipts.RatesAsync(announcement.Id, http.RequestAborted)).Where(r => gridsInScope.Contains(r.GridId)))
            {
                html.Append("<tr><td>").Append(E(rate.Name)).Append("</td><td>").Append(rate.Acknowledged).Append("</td><td>").Append(rate.Known)
                    .Append("</td><td>").Append(Percent(rate.Rate)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return Page("公告 " + number + " · " + announcement.Title, request.Session, "/console/announcements", html.ToString());
    }

    /// <summary>Customer groups get the announcement only when their owner confirms the task in WeCom: the stage says where it waits.</summary>
    private static void AppendCustomerGroups(StringBuilder html, IReadOnlyList<CustomerGroupDelivery> groups, ShanghaiTime clock)
    {
        if (groups.Count == 0)
        {
            return;
        }

        html.Append("<h2>客户群</h2><p class=\"hint\">").Append(E(CustomerGroupDeliveries.Summary(groups)))
            .Append("</p><table><thead><tr><th scope=\"col\">客户群</th><th scope=\"col\">网格</th><th scope=\"col\">群主</th><th scope=\"col\">状态</th><th scope=\"col\">原因 / 发送时间</th></tr></thead><tbody>");
        foreach (var group in groups)
        {
            html.Append("<tr><td>").Append(E(group.Name)).Append("</td><td>").Append(E(group.Grid)).Append("</td><td>").Append(E(group.Owner))
                .Append("</td><td>").Append(group.StageText).Append("</td><td>")
                .Append(E(group.Reason ?? (group.SentUtc is { } sent ? clock.Format(sent) : ""))).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }
}
