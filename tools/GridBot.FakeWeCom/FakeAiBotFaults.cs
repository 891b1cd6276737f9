namespace GridBot.FakeWeCom;

/// <summary>
/// Faults for the long connection, set by POST /_fake/aibot/faults: every ack delayed, the next N acks never sent, and
/// one-shot actions on the current connection (drop it, send malformed frames, an oversized frame, an unknown cmd, an
/// ack for an unknown req_id, disconnected_event).
/// </summary>
public sealed class FakeAiBotFaults
{
    public int AckDelayMs { get; set; }
    public int StallAcks { get; set; }
    public bool Drop { get; set; }
    public int Garbage { get; set; }
    public int OversizedBytes { get; set; }
    public bool UnknownCmd { get; set; }
    public bool StrayAck { get; set; }
    public bool Disconnect { get; set; }
}
