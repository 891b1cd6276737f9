namespace GridBot.Dialogs.Core;

/// <summary>
/// A channel's own handling of a message before the bot's, inside the turn's transaction (so what it writes commits
/// with the turn and the processed mark): 微信客服 keeps its session window, binds the resident, answers a resident
/// without a grid, and hands a session to a person. One per channel id.
/// </summary>
public interface IChannelGate
{
    string ChannelId { get; }

    /// <returns>True to go on with the turn; false when the channel has handled the message (its replies, if any, are staged).</returns>
    Task<bool> AdmitAsync(TurnContext context, CancellationToken cancellationToken);
}
