namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>The answer of the kf write calls: send_msg (msgid), service_state/trans (msg_code), add_contact_way (url).</summary>
public sealed class KfApiAnswer
{
    public int Errcode { get; set; }
    public string? Errmsg { get; set; }
    public string? Msgid { get; set; }
    public string? MsgCode { get; set; }
    public string? Url { get; set; }
}
