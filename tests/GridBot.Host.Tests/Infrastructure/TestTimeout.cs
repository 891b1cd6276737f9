namespace GridBot.Host.Tests.Infrastructure;

/// <summary>xunit v2 hands tests no token: this one bounds each test, so a hang fails the test instead of the CI run.</summary>
public static class TestTimeout
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
