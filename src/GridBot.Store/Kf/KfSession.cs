namespace GridBot.Store.Kf;

/// <summary>
/// One resident's 微信客服 session with one kf account: where they came from (the link's scene = grid code), when they
/// last wrote and how many replies are left for that message (WeCom: 48 h and 5 replies per customer message), and
/// who holds the session. It changes only through the methods below: a person holds it exactly when a servicer is
/// named, and a reply is spent only by <see cref="KfReplyBudget.TakeReplyAsync"/>.
/// </summary>
public sealed class KfSession
{
    /// <summary>The channel of kf Activities, members and outbox rows.</summary>
    public const string Channel = "wecom-kf";

    /// <summary>Servicers are WeCom users: staff speak to the bot as such on the self-built app's channel.</summary>
    public const string ServicerChannel = "wecom";

    public const int RepliesPerCustomerMessage = 5;
    public static readonly TimeSpan ReplyWindow = TimeSpan.FromHours(48);

    /// <param name="updatedUtc">When the session starts (EF Core binds the same constructor by these names).</param>
    public KfSession(string openKfId, string externalUserId, DateTime updatedUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(openKfId);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalUserId);
        OpenKfId = openKfId;
        ExternalUserId = externalUserId;
        UpdatedUtc = updatedUtc;
    }

    public int Id { get; private init; }
    public string OpenKfId { get; private init; }
    public string ExternalUserId { get; private init; }

    /// <summary>The contact link's scene (a grid code) from enter_session, when the resident came through one.</summary>
    public string? Scene { get; private set; }

    public int? GridId { get; private set; }

    /// <summary>send_time of the newest customer message: the 48 h window is counted from it.</summary>
    public DateTime? LastCustomerMessageUtc { get; private set; }

    public int RepliesLeft { get; private set; }

    public KfServiceState ServiceState { get; private set; }

    /// <summary>The grid worker's WeCom userid while <see cref="ServiceState"/> is <see cref="KfServiceState.Person"/>.</summary>
    public string? ServicerUserId { get; private set; }

    public DateTime UpdatedUtc { get; private set; }

    /// <summary>The conversation id of the session's Activities: one private conversation per resident and account.</summary>
    public string ConversationId => ConversationIdOf(OpenKfId, ExternalUserId);

    public bool IsWithBot => ServiceState == KfServiceState.Bot;

    public static string ConversationIdOf(string openKfId, string externalUserId) => openKfId + ":" + externalUserId;

    public bool IsHeldBy(string servicerUserId) => ServiceState == KfServiceState.Person && ServicerUserId == servicerUserId;

    /// <summary>
    /// Why kf/send_msg cannot carry a message now (a person holds the session, the 48 h since the resident's last
    /// message are over, or its 5 replies are spent), or null when it can.
    /// </summary>
    public KfUnreachable? Unreachable(DateTime nowUtc) =>
        ServiceState == KfServiceState.Person ? KfUnreachable.HeldByPerson
        : LastCustomerMessageUtc is not { } last || nowUtc - last > ReplyWindow ? KfUnreachable.WindowClosed
        : RepliesLeft <= 0 ? KfUnreachable.BudgetSpent
        : null;

    /// <summary>
    /// A customer message not seen before opens a new window with a fresh budget (WeCom resets the quota with each
    /// message). The caller skips messages already processed, so a re-read page never refills the budget.
    /// </summary>
    public void CustomerWrote(DateTime sentUtc, DateTime nowUtc)
    {
        if (LastCustomerMessageUtc is not { } last || sentUtc > last)
        {
            LastCustomerMessageUtc = sentUtc;
        }

        RepliesLeft = RepliesPerCustomerMessage;
        UpdatedUtc = nowUtc;
    }

    /// <summary>The resident came in through a grid's contact link (enter_session with its scene): the session belongs to that grid.</summary>
    public void EnteredThrough(string scene, int gridId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scene);
        Scene = scene;
        GridId = gridId;
        UpdatedUtc = nowUtc;
    }

    /// <summary>
    /// 接管 / 转人工, after WeCom accepted the move (service_state 3): the servicer holds the session from the bot or from
    /// another person. Taking a session one already holds is a bug of the caller, which says so to the speaker first.
    /// </summary>
    public void TakeOver(string servicerUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(servicerUserId);
        if (IsHeldBy(servicerUserId))
        {
            throw new InvalidOperationException($"Kf session {Id} is already held by {servicerUserId}.");
        }

        Hold(servicerUserId, nowUtc);
    }

    /// <summary>交还, after WeCom accepted the move (service_state 4): the bot answers again. Only a held session can be given back.</summary>
    public void HandBack(DateTime nowUtc)
    {
        if (IsWithBot)
        {
            throw new InvalidOperationException($"Kf session {Id} is already with the bot.");
        }

        Release(nowUtc);
    }

    /// <summary>
    /// WeCom's word (session_status_change): the servicer it names holds the session now, or nobody does when the
    /// session ended. What WeCom reports is the truth, so a repeat (a re-read page) is no error.
    /// </summary>
    public void ServicerChanged(string? servicerUserId, DateTime nowUtc)
    {
        if (string.IsNullOrEmpty(servicerUserId))
        {
            Release(nowUtc);
        }
        else
        {
            Hold(servicerUserId, nowUtc);
        }
    }

    private void Hold(string servicerUserId, DateTime nowUtc)
    {
        ServiceState = KfServiceState.Person;
        ServicerUserId = servicerUserId;
        UpdatedUtc = nowUtc;
    }

    private void Release(DateTime nowUtc)
    {
        ServiceState = KfServiceState.Bot;
        ServicerUserId = null;
        UpdatedUtc = nowUtc;
    }
}
