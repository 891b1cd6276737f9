namespace GridBot.Dialogs.Tickets;

/// <summary>
/// The one seam for understanding residents' messages: rules today, a trained model behind the same call later.
/// </summary>
public interface ITicketUnderstander
{
    TicketUnderstanding Understand(string text, string gridCode);
}
