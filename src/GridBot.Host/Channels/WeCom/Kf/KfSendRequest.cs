namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// The body of <c>kf/send_msg</c> (to a resident) and of <c>kf/send_msg_on_event</c> (with <see cref="Code"/>, e.g. the
/// welcome_code). <see cref="Msgid"/> is GridBot's idempotency key: at most 32 bytes of [0-9a-zA-Z_-].
/// </summary>
public sealed class KfSendRequest
{
    public const int MaxTextBytes = 2048;

    public string? Touser { get; init; }
    public string? OpenKfid { get; init; }
    public string? Code { get; init; }
    public string? Msgid { get; init; }
    public string Msgtype { get; init; } = "text";
    public required KfMessage.KfText Text { get; init; }
}
