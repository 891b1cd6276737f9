namespace GridBot.FakeWeCom;

/// <summary>A customer group as the fake holds it (POST /_fake/groupchats): owner, name and members (type 1 staff, 2 external).</summary>
public sealed class FakeGroupChat
{
    public required string ChatId { get; init; }
    public required string Name { get; init; }
    public required string Owner { get; init; }
    public int Status { get; init; }
    public List<FakeGroupChatMember> Members { get; init; } = [];
}

public sealed class FakeGroupChatMember
{
    public required string Userid { get; init; }
    public int Type { get; init; } = 2;
}
