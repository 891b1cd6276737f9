namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Decides whether a group-chat message is a report and which category it belongs to.</summary>
/// <remarks>Implementations must be safe to call from many threads at once: the bot classifies
/// messages from thousands of group chats concurrently.</remarks>
public interface ITicketClassifier
{
    CategoryPrediction Predict(string text);
}
