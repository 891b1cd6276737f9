namespace GridBot.FakeWeCom;

/// <summary>
/// What the fake long-connection server answers. 846605 (invalid req_id), 40008 (plain text push) and 45009 (limit)
/// are community-reported codes; the others are the fake's stand-ins where WeCom's own code is unknown (WECOM.md §3.8).
/// </summary>
public static class FakeAiBotErrcodes
{
    public const int InvalidCredential = 40001;
    public const int InvalidMessage = 40008;
    public const int FrequencyLimit = 45009;
    public const int InvalidReqId = 846605;

    /// <summary>Stand-in: a reply for a req_id sent before the previous reply for it was acked, or after its stream finished.</summary>
    public const int OutOfOrder = 846606;

    /// <summary>Stand-in: a welcome later than the window after enter_chat.</summary>
    public const int WelcomeTooLate = 846607;

    /// <summary>Stand-in: a command before aibot_subscribe succeeded.</summary>
    public const int NotSubscribed = 846608;

    /// <summary>Stand-in: a cmd the fake does not know.</summary>
    public const int UnknownCmd = 846609;
}
