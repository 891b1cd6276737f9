namespace GridBot.Store.Kf;

/// <summary>
/// A grid's 微信客服 contact link (kf/add_contact_way with the grid code as scene): kept so a re-run of
/// <c>kf links</c> reuses it instead of minting another, and so its QR code can be served.
/// </summary>
public sealed class KfContactLink
{
    public int Id { get; set; }
    public required string OpenKfId { get; set; }
    public int GridId { get; set; }
    public required string Url { get; set; }
    public DateTime CreatedUtc { get; set; }
}
