namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// <c>WeCom:Kf</c>: the 微信客服 account residents reach (its open_kfid, from kf/account/list). The account must be
/// delegated to the self-built app (WeCom:App) under 「可调用接口的应用」; its traffic then arrives on the app's callback.
/// </summary>
public sealed class KfOptions
{
    public const string SectionName = "WeCom:Kf";

    /// <summary>The account <c>kf links</c> makes contact links for; empty when kf is not used.</summary>
    public string OpenKfId { get; set; } = "";

    /// <summary>Where <c>kf links</c> writes the QR codes and the sheet.</summary>
    public string LinkFolder { get; set; } = "data/kf-links";
}
