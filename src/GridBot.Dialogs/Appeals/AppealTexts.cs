using GridBot.Dialogs.Announcements;
using GridBot.Dialogs.Tickets;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Appeals;

/// <summary>What the bot says to questions, suggestions and praise, and to staff answering them.</summary>
internal static class AppealTexts
{
    public static string Answer(string name, QuestionAnswer answer, Func<DateTime, string> day)
    {
        var lines = new List<string>();
        if (answer.Knowledge is { } hit)
        {
            lines.Add($"@{name} 关于“{hit.Question}”：");
            lines.Add(hit.Answer);
        }

        if (answer.Announcements.Count > 0)
        {
            lines.Add(answer.Knowledge is null ? $"@{name} 我在本社区的公告里找到这些相关内容：" : "相关公告：");
            lines.AddRange(answer.Announcements.Select(a => $"·【公告 {a.Number}】{a.Title}（{day(a.PublishedUtc)}）{a.Excerpt}"));
        }

        lines.Add("如果没有解答您的问题，可以发送“咨询 您的问题”，我转给网格员答复。");
        return string.Join("\n", lines);
    }

    public static string Logged(string name, Ticket ticket) => ticket.AppealType switch
    {
        AppealType.Suggestion =>
            $"@{name} 感谢您的建议！已记录为建议 {ticket.Number}，会转给社区研究，有进展会在这里告诉您。",
        AppealType.Praise =>
            $"@{name} 谢谢您的表扬！已记录（{ticket.Number}），我们会转达给相关工作人员，大家会继续努力。",
        _ =>
            $"@{name} 这个问题我暂时没有现成的答案，已记为咨询 {ticket.Number}，网格员会尽快答复您，答复会发到这里。",
    };

    public static string ToldReporters(Ticket ticket, string answererName, string answer, string names) => ticket.AppealType switch
    {
        AppealType.Suggestion => $"{names} 您提的建议“{TicketTexts.Excerpt(ticket.Description, 24)}”（{ticket.Number}）已答复。{answererName}：{answer}",
        AppealType.Praise => $"{names} 您的表扬（{ticket.Number}）已转达并答复。{answererName}：{answer}",
        _ => $"{names} 您咨询的“{TicketTexts.Excerpt(ticket.Description, 24)}”（{ticket.Number}）已答复。{answererName}：\n{answer}",
    };

    public static string Answered(Ticket ticket) => $"已答复{AppealTypeNames.Of(ticket.AppealType)} {ticket.Number}，并已转告居民。";

    public static string NotAnAppeal(Ticket ticket) =>
        $"工单 {ticket.Number} 是{AppealTypeNames.Of(ticket.AppealType)}，有办理时限，办完请发送“办结 {TicketTexts.Tail(ticket.Number)} 处理说明”。";

    public static string NothingToAsk => "请在“咨询”后面写上您的问题，如：咨询 居住证怎么办理？";
}
