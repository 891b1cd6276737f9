using System.Globalization;
using System.Text;
using GridBot.Dialogs.Reminders;
using static GridBot.Host.StaffConsole.ConsoleHtml;

namespace GridBot.Host.StaffConsole;

/// <summary>The next huddles and joint meetings of the scope's grids, from the same planner that fires them.</summary>
public static class SchedulesView
{
    public const int MaxRows = 100;

    public static string Render(IReadOnlyList<ScheduleSlot> slots)
    {
        var html = new StringBuilder(4096);
        html.Append("<p class=\"hint\">未来 8 天的日碰头和周联席会议（按中国工作日历：节假日不开，调休上班日照常）。网格长可在群里发送“提醒 日碰头 16:00”修改时间。</p>");
        if (slots.Count == 0)
        {
            return html.Append("<p class=\"empty\">近期没有安排。</p>").ToString();
        }

        html.Append("<ul class=\"plain schedule\">");
        foreach (var slot in slots.Take(MaxRows))
        {
            var local = slot.LocalTime;
            html.Append("<li><time>").Append(local.ToString("M月d日", CultureInfo.InvariantCulture)).Append("（周").Append("日一二三四五六"[(int)local.DayOfWeek]).Append("）")
                .Append(local.ToString("HH:mm", CultureInfo.InvariantCulture)).Append("</time> ")
                .Append(ScheduleNames.Of(slot.Kind)).Append(" · ").Append(E(slot.Target.Name)).Append("</li>");
        }

        if (slots.Count > MaxRows)
        {
            html.Append("<li>……另有 ").Append(slots.Count - MaxRows).Append(" 项</li>");
        }

        return html.Append("</ul>").ToString();
    }
}
