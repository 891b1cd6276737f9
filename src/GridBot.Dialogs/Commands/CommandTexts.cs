namespace GridBot.Dialogs.Commands;

internal static class CommandTexts
{
    public static string StaffOnly(string word) =>
        $"抱歉，“{word}”是网格员、网格长使用的功能。您可以直接描述遇到的问题，我来帮您登记；发送“帮助”可查看您能用的命令。";

    public static string Unknown(string word) => $"没有“{word}”这个命令。发送“帮助”可查看您能用的命令。";

    public static string Usage(string usage) => $"用法：{usage}";

    public static string NotFound(string reference) => $"没有找到您能查看的工单“{reference}”，请核对编号（可发送完整编号，如 GD20261123-0007）。";

    public static string NoneJustReported(string usage) => $"最近半小时本群没有待派的工单，请带上工单号。用法：{usage}";

    public static string WhichJustReported(IReadOnlyList<GridBot.Store.Tickets.Ticket> tickets, string example) =>
        "最近有几张工单还没人处理，您说的是哪一张？\n" +
        string.Join("\n", tickets.Select(t => $"· {Tickets.TicketTexts.Tail(t.Number)} {Tickets.TicketTexts.Excerpt(t.Description, 20)}（{t.Place ?? "位置待核实"}）")) +
        $"\n请带上工单号再说一次，例如“{example.Replace("<号>", Tickets.TicketTexts.Tail(tickets[0].Number), StringComparison.Ordinal)}”。";

    public static string Ambiguous(string reference, IReadOnlyList<string> numbers) =>
        $"“{reference}”对应多个工单：{string.Join("、", numbers.Take(5))}。请发送更完整的编号。";
}
