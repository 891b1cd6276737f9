namespace GridBot.Host.Channels.WeCom;

/// <summary>Every WeCom API answers <c>{"errcode":0,"errmsg":"ok",…}</c>; branch on errcode only, errmsg text changes.</summary>
public sealed class WeComApiResult
{
    public int Errcode { get; set; }
    public string? Errmsg { get; set; }
    public string? AccessToken { get; set; }
    public int ExpiresIn { get; set; }
}
