namespace GridBot.FakeWeCom;

/// <summary>A simulated resident action on one session: entering from a link (with its scene) or a servicer ending it.</summary>
public sealed class FakeKfEnterRequest
{
    public required string OpenKfid { get; init; }
    public required string ExternalUserid { get; init; }
    public string? Scene { get; init; }
    public string? SceneParam { get; init; }
}
