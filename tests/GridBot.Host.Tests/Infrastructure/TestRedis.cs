namespace GridBot.Host.Tests.Infrastructure;

/// <summary>The Redis server test.sh starts on 127.0.0.1. Tests that need it fail without it: they never skip.</summary>
public static class TestRedis
{
    public static string Configuration =>
        Environment.GetEnvironmentVariable("GRIDBOT_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("GRIDBOT_TEST_REDIS is not set: run the tests with ./test.sh, which starts redis-server on 127.0.0.1.");

    /// <summary>A key prefix of its own, so tests sharing the server never see each other's keys.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12] + ":";
}
