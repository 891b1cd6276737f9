using GridBot.Dialogs.Core;
using GridBot.Store.Tickets;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// A console action is the staff member's own chat command, run as a turn in a private console conversation: the
/// same role and scope checks, the same lifecycle guard, the same notices to residents (outbox rows in the turn's
/// transaction) and the same history line under the member's name. The bot's reply becomes the console's notice.
/// </summary>
public sealed class ConsoleTicketActions(BotAdapter adapter)
{
    public const int MaxNote = 200;

    public static string? CommandFor(TicketAction action, string number, string? argument)
    {
        var text = string.Join(' ', (argument ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text = text.Length > MaxNote ? text[..MaxNote] : text;
        return action switch
        {
            TicketAction.Accept => $"受理 {number}",
            TicketAction.Assign when text.Length > 0 => $"派单 {number} @{text.TrimStart('@', '＠')}",
            TicketAction.Resolve => $"办结 {number} {text}".TrimEnd(),
            TicketAction.Escalate when text.Length > 0 => $"升级 {number} {text}",
            TicketAction.Answer when text.Length > 0 => $"答复 {number} {text}",
            _ => null,
        };
    }

    public async Task<string> RunAsync(ConsoleSession session, string command, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "console-" + Guid.NewGuid().ToString("N"),
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = session.Channel,
            From = new ChannelAccount { Id = session.UserId, Name = session.Name },
            Recipient = new ChannelAccount { Id = "gridbot", Name = "网格小助手" },
            Conversation = new ConversationAccount { Id = "console-" + session.UserId, IsGroup = false },
            Text = command,
            DeliveryMode = DeliveryModes.ExpectReplies,
        };
        var result = await adapter.ProcessAsync(activity, repliesInResponse: true, cancellationToken);
        return string.Join("\n", result.Replies.Select(r => r.Text).Where(t => !string.IsNullOrEmpty(t)));
    }
}
