namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// This host's long connection as the rest of the host sees it: its state (each change logged once, not each retry),
/// the subscribed socket pushes go out on, and the lease holder last seen.
/// </summary>
internal sealed partial class AiBotConnectionStatus(TimeProvider time, ILogger<AiBotConnectionStatus> logger)
{
    private readonly Lock _gate = new();
    private AiBotSocket? _socket;

    public AiBotConnectionState State { get; private set; } = AiBotConnectionState.Standby;

    public DateTimeOffset Since { get; private set; } = time.GetUtcNow();

    /// <summary>This host's name in the lease.</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Who held the lease when this host last looked (this host, another, or null: nobody or unknown).</summary>
    public string? LeaseHolder { get; set; }

    /// <summary>The subscribed socket, or null when this host is not connected.</summary>
    public AiBotSocket? Socket
    {
        get
        {
            lock (_gate)
            {
                return _socket is { IsOpen: true } ? _socket : null;
            }
        }
    }

    public void Connected(AiBotSocket socket)
    {
        lock (_gate)
        {
            _socket = socket;
        }

        Set(AiBotConnectionState.Connected, null);
    }

    public void Set(AiBotConnectionState state, string? why)
    {
        lock (_gate)
        {
            if (state != AiBotConnectionState.Connected)
            {
                _socket = null;
            }

            if (state == State)
            {
                return;
            }

            State = state;
            Since = time.GetUtcNow();
        }

        LogState(logger, state, why ?? "-");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom AI bot long connection: {State} ({Why})")]
    private static partial void LogState(ILogger logger, AiBotConnectionState state, string why);
}
