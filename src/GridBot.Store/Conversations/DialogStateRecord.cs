namespace GridBot.Store.Conversations;

/// <summary>The persisted dialog stack of one person in one conversation (typed in Dialogs, JSON here).</summary>
public sealed class DialogStateRecord
{
    public required string Key { get; set; }
    public required string Json { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
