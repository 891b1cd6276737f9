namespace GridBot.FakeWeCom;

/// <summary>A callback the fake pushed, by req_id: replies must come on its connection, in order, and a welcome in time.</summary>
public sealed class FakeAiBotCallback(string reqId, int connectionId, bool isEnterChat, DateTimeOffset sentAt)
{
    public string ReqId { get; } = reqId;
    public int ConnectionId { get; } = connectionId;
    public bool IsEnterChat { get; } = isEnterChat;
    public DateTimeOffset SentAt { get; } = sentAt;

    /// <summary>A reply for it was received and its ack is not sent yet: another reply now is out of order.</summary>
    public bool AwaitingAck { get; set; }

    public bool Finished { get; set; }
}
