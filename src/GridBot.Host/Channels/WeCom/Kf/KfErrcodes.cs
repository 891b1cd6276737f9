namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>The kf errcodes GridBot branches on (WECOM.md §5.3.8).</summary>
public static class KfErrcodes
{
    /// <summary>More than 5 messages for one customer message.</summary>
    public const int ReplyBudgetSpent = 95001;

    /// <summary>More than 48 h since the customer's last message.</summary>
    public const int ReplyWindowClosed = 95002;

    /// <summary>The sync token from the callback is wrong or older than 10 minutes.</summary>
    public const int InvalidSyncToken = 95007;

    /// <summary>The session state does not allow API sends (a person holds it, or it is older than 48 h).</summary>
    public const int StateForbidsSending = 95018;

    public static bool MeansCannotReach(int errcode) => errcode is ReplyBudgetSpent or ReplyWindowClosed or StateForbidsSending;
}
