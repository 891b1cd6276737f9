namespace GridBot.Host.Import;

/// <summary>What an import did to the rows of one kind; every imported row lands in exactly one bucket.</summary>
public sealed record ImportCounts(int Created, int Updated, int Unchanged)
{
    public static ImportCounts None { get; } = new(0, 0, 0);

    public override string ToString() => $"新增 {Created}，更新 {Updated}，未变 {Unchanged}";
}
