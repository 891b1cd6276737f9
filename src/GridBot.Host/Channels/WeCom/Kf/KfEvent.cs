namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>The <c>event</c> of a system message (WECOM.md §5.3.5); only the fields GridBot acts on.</summary>
public sealed class KfEvent
{
    public const string EnterSession = "enter_session";
    public const string SessionStatusChange = "session_status_change";
    public const string MsgSendFail = "msg_send_fail";

    /// <summary>session_status_change: 3 = a servicer ended the session.</summary>
    public const int SessionEnded = 3;

    public string? EventType { get; set; }
    public string? OpenKfid { get; set; }
    public string? ExternalUserid { get; set; }
    public string? Scene { get; set; }
    public string? SceneParam { get; set; }
    public string? WelcomeCode { get; set; }
    public int ChangeType { get; set; }
    public string? NewServicerUserid { get; set; }
    public string? FailMsgid { get; set; }
    public int FailType { get; set; }
}
