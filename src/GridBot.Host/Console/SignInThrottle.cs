using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// Sign-in attempts per client address and minute (Console:SignInAttemptsPerMinute): guessing tokens or links
/// gets a 429 long before it gets anywhere. Per host; tokens are long enough that this only has to slow guessing.
/// </summary>
public sealed class SignInThrottle(IOptions<ConsoleOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInAttemptsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryEnter(HttpContext http)
    {
        using var lease = limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
