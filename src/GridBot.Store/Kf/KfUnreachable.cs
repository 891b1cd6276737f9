namespace GridBot.Store.Kf;

/// <summary>Why kf/send_msg cannot carry a message to a resident now.</summary>
public enum KfUnreachable
{
    WindowClosed,
    BudgetSpent,
    HeldByPerson,
}
