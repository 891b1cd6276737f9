namespace GridBot.Host.Channels.WeCom.App;

/// <summary>The body of <c>cgi-bin/message/send</c> for a text message to one member (≤ 2048 bytes).</summary>
public sealed class WeComAppMessage
{
    public const int MaxTextBytes = 2048;

    public required string Touser { get; init; }
    public string Msgtype { get; init; } = "text";
    public required int Agentid { get; init; }
    public required AppText Text { get; init; }

    public sealed class AppText
    {
        public required string Content { get; init; }
    }
}
