namespace GridBot.Store.CustomerGroups;

/// <summary>A mass-send task's state: WeCom sends nothing until the owner confirms it in the client.</summary>
public enum GroupMessageStatus
{
    WaitingForOwner,
    Sent,
}
