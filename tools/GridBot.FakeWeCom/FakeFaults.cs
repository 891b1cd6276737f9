namespace GridBot.FakeWeCom;

/// <summary>
/// Faults to inject, set by POST /_fake/faults: latency on every answer, then N answers of 500, then N dropped
/// connections; and, independently, a share of answers (percent, at random) that are 500.
/// </summary>
public sealed class FakeFaults
{
    public int LatencyMs { get; set; }
    public int ServerErrorPercent { get; set; }
    public int ServerErrors { get; set; }
    public int Drops { get; set; }
}
