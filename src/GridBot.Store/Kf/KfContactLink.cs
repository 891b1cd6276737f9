namespace GridBot.Store.Kf;

/// <summary>
/// A grid's 微信客服 contact link (kf/add_contact_way with the grid code as scene): kept so a re-run of
/// <c>kf links</c> reuses it instead of minting another, and so its QR code can be served. Never changed once minted.
/// </summary>
public sealed class KfContactLink
{
    public int Id { get; private init; }
    public required string OpenKfId { get; init; }
    public int GridId { get; init; }
    public required string Url { get; init; }
    public DateTime CreatedUtc { get; init; }
}
