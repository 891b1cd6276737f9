namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>The body of <c>kf/service_state/trans</c>: 1 = the bot (智能助手) holds the session, 3 = a servicer does, 4 = ended.</summary>
public sealed class KfTransRequest
{
    public const int Bot = 1;
    public const int Servicer = 3;

    /// <summary>Ended: the only move out of 3 besides another servicer; the next customer message reopens it (state 0).</summary>
    public const int Ended = 4;

    public required string OpenKfid { get; init; }
    public required string ExternalUserid { get; init; }
    public int ServiceState { get; init; }
    public string? ServicerUserid { get; init; }
}
