namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>A frame WeCom did not acknowledge (timeout, or the connection closed first): it may or may not have arrived.</summary>
internal sealed class AiBotNotAckedException(string message) : Exception(message);
