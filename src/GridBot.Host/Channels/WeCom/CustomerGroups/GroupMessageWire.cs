namespace GridBot.Host.Channels.WeCom.CustomerGroups;

/// <summary>
/// <c>externalcontact/add_msg_template</c> for customer groups: chat_type "group", the owner as sender (required),
/// ≤ 2000 chat ids. It sends nothing by itself: the owner gets a task to confirm in the client.
/// </summary>
public sealed class AddMsgTemplateRequest
{
    public string ChatType { get; init; } = "group";
    public required string Sender { get; init; }
    public required List<string> ChatIdList { get; init; }
    public required TemplateText Text { get; init; }
}

public sealed class TemplateText
{
    public required string Content { get; init; }
}

public sealed class AddMsgTemplateAnswer
{
    public int Errcode { get; set; }
    public string? Errmsg { get; set; }
    public string? Msgid { get; set; }
    public List<string> FailList { get; set; } = [];
}

/// <summary><c>externalcontact/get_groupmsg_task</c>: who of the task's senders has sent (status 2) and when.</summary>
public sealed class GroupMsgTaskRequest
{
    public required string Msgid { get; init; }
    public int Limit { get; init; } = 1000;
}

public sealed class GroupMsgTaskAnswer
{
    public int Errcode { get; set; }
    public string? Errmsg { get; set; }
    public List<GroupMsgSenderState> TaskList { get; set; } = [];
}

public sealed class GroupMsgSenderState
{
    /// <summary>0 = not sent yet, 2 = sent.</summary>
    public const int Sent = 2;

    public string? Userid { get; set; }
    public int Status { get; set; }
    public long SendTime { get; set; }
}
