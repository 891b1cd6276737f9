using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// Keeps the bot's one long connection on whichever host holds the lease. A standby host tries for the lease every
/// renew interval, so it takes over within about a lease duration after the holder dies. The holder renews while it
/// connects, reconnects (backoff with jitter; from the first delay again after a good session) and stands down after
/// disconnected_event; a holder that finds the lease taken closes its socket at once. Registered on every web host,
/// it does nothing unless <c>WeCom:AiBot:Mode</c> is LongConnection.
/// </summary>
internal sealed partial class AiBotLongConnectionService(
    AiBotSession session,
    IAiBotLease lease,
    AiBotConnectionStatus status,
    IOptions<WeComOptions> options,
    TimeProvider time,
    ILogger<AiBotLongConnectionService> logger) : BackgroundService
{
    private readonly Random _jitter = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AiBot.IsLongConnection)
        {
            return;
        }

        var settings = options.Value.AiBot.LongConnection;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var held = await lease.TryHoldAsync(status.Holder, settings.LeaseDuration, stoppingToken);
                if (held != true)
                {
                    status.LeaseHolder = await lease.HolderAsync(stoppingToken);
                    status.Set(AiBotConnectionState.Standby, held is null ? "lease store not answering" : "another host holds the connection");
                    await Task.Delay(settings.LeaseRenewInterval, time, stoppingToken);
                    continue;
                }

                status.LeaseHolder = status.Holder;
                await HoldAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops.
        }
        finally
        {
            status.Set(AiBotConnectionState.Stopped, "host stopping");
            await lease.ReleaseAsync(status.Holder, CancellationToken.None);
        }
    }

    /// <summary>Runs connections while this host keeps the lease.</summary>
    private async Task HoldAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.AiBot.LongConnection;
        using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(holding);
        try
        {
            var attempt = 0;
            while (!holding.IsCancellationRequested)
            {
                status.Set(attempt == 0 ? AiBotConnectionState.Connecting : status.State, null);
                var end = await session.RunAsync(holding.Token);
                TimeSpan wait;
                switch (end)
                {
                    case AiBotSessionEnd.Stopped:
                        return;
                    case AiBotSessionEnd.Kicked:
                        status.Set(AiBotConnectionState.StoodDown, "another connection subscribed with this bot");
                        attempt = 0;
                        wait = settings.StandDownFor;
                        break;
                    case AiBotSessionEnd.Refused:
                        status.Set(AiBotConnectionState.Refused, "subscribe refused: BotId/Secret");
                        attempt++;
                        wait = AiBotBackoff.Delay(attempt + 4, settings.ReconnectDelay, settings.ReconnectMaxDelay, _jitter);
                        break;
                    case AiBotSessionEnd.Dropped:
                        status.Set(AiBotConnectionState.Reconnecting, "connection dropped");
                        attempt = 1;
                        wait = AiBotBackoff.Delay(attempt, settings.ReconnectDelay, settings.ReconnectMaxDelay, _jitter);
                        break;
                    default:
                        status.Set(AiBotConnectionState.Reconnecting, "WeCom not reachable");
                        attempt++;
                        wait = AiBotBackoff.Delay(attempt, settings.ReconnectDelay, settings.ReconnectMaxDelay, _jitter);
                        break;
                }

                await Task.Delay(wait, time, holding.Token);
            }
        }
        catch (OperationCanceledException) when (holding.IsCancellationRequested)
        {
            // Lease lost or host stopping.
        }
        finally
        {
            await holding.CancelAsync();
            await renewing;
        }
    }

    /// <summary>Renews the lease; when another host has it, ends the hold, which closes the socket.</summary>
    private async Task RenewAsync(CancellationTokenSource holding)
    {
        var settings = options.Value.AiBot.LongConnection;
        try
        {
            while (true)
            {
                await Task.Delay(settings.LeaseRenewInterval, time, holding.Token);
                var held = await lease.TryHoldAsync(status.Holder, settings.LeaseDuration, holding.Token);
                if (held == false)
                {
                    LogLeaseLost(logger);
                    status.Set(AiBotConnectionState.Standby, "lease lost");
                    await holding.CancelAsync();
                    return;
                }

                // null: the store did not answer; nobody else can take the lease meanwhile, so the connection stays.
            }
        }
        catch (OperationCanceledException)
        {
            // The hold ended.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI bot long connection: another host holds the lease now; closing this host's connection")]
    private static partial void LogLeaseLost(ILogger logger);
}
