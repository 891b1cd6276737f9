namespace GridBot.Dialogs.Core;

/// <summary>Bot Framework's response body for deliveryMode "expectReplies".</summary>
public sealed class ExpectedReplies
{
    public List<Activity> Activities { get; set; } = [];
}
