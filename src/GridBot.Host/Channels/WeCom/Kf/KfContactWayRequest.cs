namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>The body of <c>kf/add_contact_way</c>: scene is ≤ 32 bytes of [0-9a-zA-Z_-] and comes back in enter_session.</summary>
public sealed class KfContactWayRequest
{
    public required string OpenKfid { get; init; }
    public string? Scene { get; init; }
}
