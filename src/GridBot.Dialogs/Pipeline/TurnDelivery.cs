namespace GridBot.Dialogs.Pipeline;

/// <summary>Per turn: whether the channel takes the replies in its response (expectReplies, passive reply) or by callback.</summary>
public sealed class TurnDelivery
{
    public bool RepliesInResponse { get; set; } = true;
}
