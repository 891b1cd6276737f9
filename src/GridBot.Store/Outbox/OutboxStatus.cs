namespace GridBot.Store.Outbox;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}
