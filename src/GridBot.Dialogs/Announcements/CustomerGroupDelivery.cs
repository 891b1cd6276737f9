namespace GridBot.Dialogs.Announcements;

/// <summary>Where an announcement stands in one customer group, the worst of its parts (failed first, sent last).</summary>
public enum CustomerGroupStage
{
    Failed,
    Skipped,
    Waiting,
    OwnerToConfirm,
    Sent,
}

/// <summary>One customer group's share of an announcement: stage, why it was skipped or failed, when the owner sent it.</summary>
public sealed record CustomerGroupDelivery(string ChatId, string Name, string Grid, string Owner, CustomerGroupStage Stage, string? Reason, DateTime? SentUtc)
{
    public string StageText => Stage switch
    {
        CustomerGroupStage.Failed => "失败",
        CustomerGroupStage.Skipped => "已跳过",
        CustomerGroupStage.Waiting => "待创建任务",
        CustomerGroupStage.OwnerToConfirm => "待群主确认",
        _ => "已发送",
    };
}
