using GridBot.Host.Configuration;
using GridBot.Host.Outbox;

namespace GridBot.Host.Tests.Outbox;

/// <summary>The retry waits: short first, doubling, jittered, capped; the default attempts keep a row trying ~17 minutes.</summary>
public sealed class OutboxBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(500);

    [Fact]
    public void TheFirstRetryIsTheConfiguredDelayJitteredAndEachLaterOneDoubles()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), OutboxBackoff.Wait(1, First, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(500), OutboxBackoff.Wait(1, First, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1), OutboxBackoff.Wait(2, First, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(4), OutboxBackoff.Wait(4, First, 0.5));
        Assert.True(OutboxBackoff.Wait(1, First, 0.999) < TimeSpan.FromMilliseconds(750));
    }

    [Fact]
    public void NoWaitIsLongerThanTenMinutesBeforeJitter()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), OutboxBackoff.Wait(30, First, 0.5));
        Assert.Equal(TimeSpan.FromMinutes(5), OutboxBackoff.Wait(100, First, 0));
    }

    [Fact]
    public void TheDefaultAttemptsKeepARowTryingAboutSeventeenMinutes()
    {
        var options = new OutboxOptions();
        var total = Enumerable.Range(1, options.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (sum, attempts) => sum + OutboxBackoff.Wait(attempts, options.FirstRetryDelay, 0.5));

        Assert.InRange(total, TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(18));
    }
}
