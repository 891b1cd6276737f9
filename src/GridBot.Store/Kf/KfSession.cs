namespace GridBot.Store.Kf;

/// <summary>
/// One resident's 微信客服 session with one kf account: where they came from (the link's scene = grid code), when they
/// last wrote and how many replies are left for that message (WeCom: 48 h and 5 replies per customer message), and
/// who holds the session.
/// </summary>
public sealed class KfSession
{
    /// <summary>The channel of kf Activities, members and outbox rows.</summary>
    public const string Channel = "wecom-kf";

    /// <summary>Servicers are WeCom users: staff speak to the bot as such on the self-built app's channel.</summary>
    public const string ServicerChannel = "wecom";

    public const int RepliesPerCustomerMessage = 5;
    public static readonly TimeSpan ReplyWindow = TimeSpan.FromHours(48);

    public int Id { get; set; }
    public required string OpenKfId { get; set; }
    public required string ExternalUserId { get; set; }

    /// <summary>The contact link's scene (a grid code) from enter_session, when the resident came through one.</summary>
    public string? Scene { get; set; }

    public int? GridId { get; set; }

    /// <summary>send_time of the newest customer message: the 48 h window is counted from it.</summary>
    public DateTime? LastCustomerMessageUtc { get; set; }

    public int RepliesLeft { get; set; }

    public KfServiceState ServiceState { get; set; }

    /// <summary>The grid worker's WeCom userid while <see cref="ServiceState"/> is <see cref="KfServiceState.Person"/>.</summary>
    public string? ServicerUserId { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>The conversation id of the session's Activities: one private conversation per resident and account.</summary>
    public string ConversationId => ConversationIdOf(OpenKfId, ExternalUserId);

    public static string ConversationIdOf(string openKfId, string externalUserId) => openKfId + ":" + externalUserId;

    /// <summary>
    /// A customer message not seen before opens a new window with a fresh budget (WeCom resets the quota with each
    /// message). The caller skips messages already processed, so a re-read page never refills the budget.
    /// </summary>
    public void CustomerWrote(DateTime sentUtc)
    {
        if (LastCustomerMessageUtc is not { } last || sentUtc > last)
        {
            LastCustomerMessageUtc = sentUtc;
        }

        RepliesLeft = RepliesPerCustomerMessage;
    }
}
