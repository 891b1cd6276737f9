namespace GridBot.FakeWeCom;

/// <summary>Faults to inject, set by POST /_fake/faults: latency on every answer, then N answers of 500, then N dropped connections.</summary>
public sealed class FakeFaults
{
    public int LatencyMs { get; set; }
    public int ServerErrors { get; set; }
    public int Drops { get; set; }

    /// <summary>After the counted faults: this share of answers (0–100 %) is a 500, at random (benchmarks' "2% 5xx").</summary>
    public double ServerErrorPercent { get; set; }
}
