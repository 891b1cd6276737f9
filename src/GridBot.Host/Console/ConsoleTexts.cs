using GridBot.Store.Tickets;

namespace GridBot.Host.StaffConsole;

/// <summary>Chinese names the console shows for values the chat commands do not name.</summary>
public static class ConsoleTexts
{
    public static string Urgency(TicketUrgency urgency) => urgency == TicketUrgency.Urgent ? "紧急" : "一般";

    /// <summary>"催办 2 次 · 网格长关注": residents' urges are a KPI the board and the ticket page show.</summary>
    public static string Urged(int urges, bool raised) => $"催办 {urges} 次" + (raised ? " · 网格长关注" : "");

    public static string Sort(BoardSort sort) => sort switch
    {
        BoardSort.Oldest => "最早登记",
        BoardSort.Deadline => "时限最近",
        BoardSort.Updated => "最近更新",
        _ => "最新登记",
    };
}
