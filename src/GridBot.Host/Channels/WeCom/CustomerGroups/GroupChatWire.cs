namespace GridBot.Host.Channels.WeCom.CustomerGroups;

/// <summary>
/// <c>externalcontact/groupchat/list</c>: always with an owner filter (≤ 100 userids) — without one WeCom answers
/// 81017 once more than 1000 people are in the app's visible range.
/// </summary>
public sealed class GroupChatListRequest
{
    public const int MaxOwners = 100;
    public const int MaxLimit = 1000;

    public int StatusFilter { get; init; }
    public required OwnerFilter OwnerFilter { get; init; }
    public string? Cursor { get; init; }
    public int Limit { get; init; } = MaxLimit;
}

public sealed class OwnerFilter
{
    public required List<string> UseridList { get; init; }
}

public sealed class GroupChatListAnswer
{
    public int Errcode { get; set; }
    public string? Errmsg { get; set; }
    public List<GroupChatRef> GroupChatList { get; set; } = [];
    public string? NextCursor { get; set; }
}

public sealed class GroupChatRef
{
    public string ChatId { get; set; } = "";
    public int Status { get; set; }
}

public sealed class GroupChatGetRequest
{
    public required string ChatId { get; init; }
    public int NeedName { get; init; }
}

public sealed class GroupChatGetAnswer
{
    public int Errcode { get; set; }
    public string? Errmsg { get; set; }
    public GroupChatDetail? GroupChat { get; set; }
}

public sealed class GroupChatDetail
{
    public string ChatId { get; set; } = "";
    public string? Name { get; set; }
    public string? Owner { get; set; }
    public List<GroupChatMember> MemberList { get; set; } = [];
}

public sealed class GroupChatMember
{
    /// <summary>1 = a member of the corp, 2 = an external contact (a resident).</summary>
    public const int External = 2;

    public string? Userid { get; set; }
    public int Type { get; set; }
}
