using GridBot.Dialogs.Core;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Proactive;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Tells a ticket's reporters something: inside the turn when the command was given in the reporters' own
/// conversation, otherwise through the outbox into that conversation. That conversation is usually the grid's group,
/// so phone and ID numbers in the notice (a resolution note, a reason) are masked.
/// </summary>
public sealed class TicketNotifier(ProactiveMessenger messenger)
{
    /// <returns>True when the reporters were told inside this turn (same conversation).</returns>
    public bool NotifyReporters(TurnContext context, Ticket ticket, Func<string, string> textFor)
    {
        var mentions = ticket.Reporters.Select(r => Entity.MentionOf(r.UserId, r.Name)).ToArray();
        var names = string.Join(" ", ticket.Reporters.Select(r => "@" + r.Name));
        var text = PersonalDataMask.Text(textFor(names));
        var sameConversation = context.Activity.ChannelId == ticket.Channel && context.Activity.Conversation?.Id == ticket.ConversationId;
        if (sameConversation)
        {
            context.Reply(text, mentions);
            return true;
        }

        messenger.Enqueue(ticket.Channel, ticket.ConversationId, ticket.ServiceUrl, text);
        return false;
    }
}
