namespace GridBot.FakeWeCom;

public sealed class FakeKfMessagesRequest
{
    public required string OpenKfid { get; init; }
    public bool Callback { get; init; } = true;
    public List<FakeKfCustomerMessage> Messages { get; init; } = [];
}
