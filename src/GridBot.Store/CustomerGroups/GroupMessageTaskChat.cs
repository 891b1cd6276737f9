namespace GridBot.Store.CustomerGroups;

/// <summary>A group a task goes to: what the monthly cap per group is counted from.</summary>
public sealed class GroupMessageTaskChat
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public required string ChatId { get; set; }
}
