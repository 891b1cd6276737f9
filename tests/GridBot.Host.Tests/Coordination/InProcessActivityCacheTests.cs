using GridBot.Store.Coordination;

namespace GridBot.Host.Tests.Coordination;

public sealed class InProcessActivityCacheTests
{
    [Fact]
    public async Task KeepsRecentRepliesAndForgetsOldOnesSoMemoryStaysBounded()
    {
        var cache = new InProcessActivityCache();
        var total = InProcessActivityCache.GenerationSize * 3;
        for (var i = 0; i < total; i++)
        {
            await cache.SetRepliesAsync($"msg-{i}", $"[{i}]", CancellationToken.None);
        }

        Assert.Null(await cache.GetRepliesAsync("msg-0", CancellationToken.None));
        Assert.Equal($"[{total - 1}]", await cache.GetRepliesAsync($"msg-{total - 1}", CancellationToken.None));
        // The generation before the newest still answers a retry of a message from a few thousand turns ago.
        var recentButRotated = total - InProcessActivityCache.GenerationSize - 1;
        Assert.Equal($"[{recentButRotated}]", await cache.GetRepliesAsync($"msg-{recentButRotated}", CancellationToken.None));
    }
}
