namespace GridBot.FakeWeCom;

/// <summary>One customer's session with one kf account, as WeCom keeps it (WECOM.md §5.3.6).</summary>
public sealed class FakeKfSession
{
    /// <summary>0 未处理, 1 智能助手, 2 排队, 3 人工, 4 已结束/未开始.</summary>
    public int State { get; set; } = 4;

    public string? Servicer { get; set; }

    public DateTimeOffset? LastCustomerMessage { get; set; }

    /// <summary>send_msg calls accepted since the customer's last message (WeCom allows 5).</summary>
    public int SendsSinceCustomer { get; set; }

    public DateTimeOffset? LastWelcome { get; set; }
}
