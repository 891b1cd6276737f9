using GridBot.Store.Tickets;

namespace GridBot.Host.StaffConsole;

/// <summary>Chinese names the console shows for values the chat commands do not name.</summary>
public static class ConsoleTexts
{
    public static string Urgency(TicketUrgency urgency) => urgency == TicketUrgency.Urgent ? "紧急" : "一般";

    public static string Sort(BoardSort sort) => sort switch
    {
        BoardSort.Oldest => "最早登记",
        BoardSort.Deadline => "时限最近",
        BoardSort.Updated => "最近更新",
        _ => "最新登记",
    };
}
